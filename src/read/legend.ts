// A status legend (`- ✅ Done`, `| 🟡 | In Progress |`, `` | `[0.5]` | In progress | ``)
// says what a file's marks and tokens mean. The builder reads legends first, so a mark the file defines
// (`🔴 Not started`) reads as the file says everywhere, before and after the legend.

import type { Block, Span } from '../parse/blocks.js';
import { leadingSymbol, type SettableStatus, type Vocabulary, type VocabularyExtension } from '../model/status.js';
import { planColumns } from './columns.js';
import { readItem } from './items.js';
import { groupName } from './names.js';

const MAX_LEGEND = 64;

/**
 * A heading over a legend: its items and rows say what marks mean, they are not tasks. A legend's name, or
 * "status" and a word for its marks written together as one name (`Status icons`, `状态图例`, `상태 표시`),
 * or a name of at most three words that ends with a legend's (`Task State Legend`; `Build the map legend` names work).
 */
export const LEGEND_HEADING =
  /^(?:(?:[\p{L}\p{N}]+\s+){1,2}(?:legend|legenda|leyenda|légende|legende|凡例|图例|圖例|범례)|legend|legenda|leyenda|légende|legende|key|symbols|凡例|图例|圖例|범례|условные обозначения|(?:status|状态|狀態|ステータス|상태)\s*(?:key|legend|symbols|icons|indicators|凡例|图例|圖例|범례|표시|表示|标识|標識))$/iu;
/**
 * `**Priority Legend:**`, `**Status key:**`, `**Category Icons (for Ideas):**`: a lead-in that names what it
 * introduces as a legend (a legend in at most three words, or a key, icons or symbols of a status, priority, category
 * or colour; notes in brackets aside): the marks listed under it are explained, not work. `**Rotate the API key:**`
 * and `**Redraw app icons**` name work.
 */
export const LEGEND_LEAD_IN =
  /^(?:[\p{L}\p{N}]+\s+){0,2}(?:legend|legenda|leyenda|légende|legende|凡例|图例|圖例|범례)(?:\s*\([^()]*\))?\s*[:：]?$|^(?:status|state|priority|category|colou?r|emoji|label|tag)\s+(?:key|icons|symbols)(?:\s*\([^()]*\))?\s*[:：]?$/iu;

/** How a legend writes each status (`🔄 Em Andamento`): the style `set` follows where no cell shows it. */
export type LegendTexts = Partial<Record<SettableStatus, string>>;

export function findLegends(
  blocks: Block[],
  text: string,
  display: (span: Span) => string,
  vocab: Vocabulary,
  repair: (s: string) => string,
): { extension: VocabularyExtension; texts: LegendTexts } {
  const found = new Map<string, SettableStatus | null>();
  const texts: LegendTexts = {};
  /** The status phrase of a legend entry (`🔄 Em Andamento` of `🔄 Em Andamento - being done`), first entry per status. */
  const learnText = (shown: string, mark: string | null) => {
    const r = vocab.read(shown);
    // `❌ Not delivered` is how the file writes to do, though ❌ alone reads as blocked.
    const status = (meaning(shown, vocab) ?? r.status) as SettableStatus | 'none';
    if (status === 'none' || status === 'cancelled' || texts[status] !== undefined) return;
    const phrase = shown.slice(r.start, r.end).trim();
    texts[status] = mark && !phrase.includes(mark) ? `${mark} ${phrase}` : phrase;
  };
  const learn = (mark: string | null, status: string) => {
    // A legend is a few lines; a file of thousands of "legend" rows must not make every status read slow.
    if (!mark || status === 'none' || found.size >= MAX_LEGEND) return;
    const known = found.get(mark);
    found.set(mark, known === undefined || known === status ? (status as SettableStatus) : null);
  };
  // `` | `[0.5]` | In progress | ``: a token written as code beside the status it stands for.
  const learnToken = (row: string[], raw: string[]) => {
    const token = raw.findIndex((c) => /^`[^`\s][^`]{0,15}`$/u.test(c.trim()));
    const meaning = row.findIndex((c, i) => i !== token && vocab.read(c).status !== 'none');
    if (token >= 0 && meaning >= 0 && vocab.read(row[token]!).status === 'none') learn(row[token]!.trim(), vocab.read(row[meaning]!).status);
  };
  let underHeading = false;
  for (const block of blocks) {
    if (block.type === 'heading') underHeading = LEGEND_HEADING.test(groupName(display(block.content)));
    else if (block.type === 'item' && !block.checkbox && underHeading && EMOJI_BOX_ENTRY.test(text.slice(block.text.start, block.text.end))) {
      // `- [⏳] In progress`: the file's own box, and the status its words name.
      const m = EMOJI_BOX_ENTRY.exec(text.slice(block.text.start, block.text.end))!;
      learn(`[${m[1]!}]`, meaning(m[2]!, vocab) ?? vocab.read(m[2]!).status);
    } else if (
      block.type === 'item' &&
      !block.checkbox &&
      /^[`\p{Extended_Pictographic}\u25A0-\u27BF:]/u.test(text.slice(block.text.start, block.text.start + 2))
    ) {
      const r = readItem(text, block.text, { checked: null, span: null }, vocab, repair);
      const shown = display(block.text);
      // Under a `## Legend` heading an entry may say more after its status (`🟢 Progressing as planned`).
      const entry = r.legend ?? (underHeading ? vocab.read(shown) : null);
      if (entry?.emoji && entry.status !== 'none') {
        learn(entry.emoji, meaning(shown, vocab) ?? entry.status);
        learnText(shown, null);
      } else if (underHeading) learnSymbol(shown, vocab, learn);
    } else if (block.type === 'table' && block.header.cells.length <= 3) {
      const rows = block.rows.map((r) => r.cells.map(display));
      const raw = block.rows.map((r) => r.cells.map((c) => text.slice(c.start, c.end)));
      const plan = planColumns(block.header.cells.map(display), rows, raw, vocab);
      if (plan.reason !== 'legend' || plan.columns.status === undefined) continue;
      const status = plan.columns.status;
      rows.forEach((row, r) => {
        const mark = row.find((c, i) => i !== status && vocab.read(c).emoji && vocab.read(c).word === null);
        const said = sentenceMeaning(row[status] ?? '', vocab);
        if (mark) {
          learn(vocab.read(mark).emoji, said);
          learnText(row[status] ?? '', vocab.read(mark).emoji);
        } else {
          // `| :o: | Work in Progress (WIP) |`: a shortcode plan draws no emoji for is the file's own mark.
          const code = row.find((c, i) => i !== status && SHORTCODE_ONLY.test(c.trim()));
          if (code) learn(code.trim(), said);
          else learnToken(row, raw[r]!);
        }
      });
    }
  }
  const extension: VocabularyExtension = {};
  for (const [mark, status] of found) if (status) extension[mark] = status;
  return { extension, texts };
}

/** `[⏳] In progress` of a legend: an emoji in a box, then what it means. */
const EMOJI_BOX_ENTRY = /^\[(\p{Extended_Pictographic}\uFE0F?)\][ \t]+(\S[^\n]{0,80})$/u;

/**
 * `- `□` planned, not started`: under a legend heading, a symbol plan does not know (a square, a half circle) is
 * the file's own mark for the status its words name, as a known emoji's entry is.
 */
function learnSymbol(shown: string, vocab: Vocabulary, learn: (mark: string | null, status: string) => void): void {
  const entry = shown.trimStart();
  const symbol = leadingSymbol(entry);
  if (!symbol || vocab.isStatusEmoji(symbol)) return;
  const words = entry.slice(symbol.length).replace(/^[\s:：=—–-]+/u, '');
  learn(symbol, meaning(words, vocab) ?? vocab.read(words).status);
}

/** A GitHub shortcode alone in a cell (`:o:`, `:hourglass:`). */
const SHORTCODE_ONLY = /^:[a-z0-9_+-]{1,30}:$/u;

/** A word that puts what follows in the future or in doubt (`Will be done`, `Should be done`): no state yet. */
const MODAL = /^(?:will|would|should|shall|must|can|could|may|might|to)$/iu;

/** A word that denies what follows: `not`, `never`, `isn't`, `hasn't` (and `not started`, read whole, is a status). */
const DENIAL = /^(?:not|no|never|nicht|pas|não|\p{L}+n['’]t)$/iu;

/** How many words a legend entry's sentence may have for sentenceMeaning to look inside it. */
const SENTENCE_WORDS = 12;

/**
 * The status a legend entry's words state: at their start (`Not started`), else, in a short sentence, a status phrase
 * that closes it (`Test has not started.`, `Test automation is complete.`); not one a `not` denies, nor after a modal.
 */
function sentenceMeaning(shown: string, vocab: Vocabulary): SettableStatus | 'none' {
  const first = vocab.read(shown).status;
  if (first !== 'none') return first;
  // Notes in brackets aside (`Work in Progress (WIP)`), and the full stop.
  const said = shown.replace(/\([^()]*\)/gu, ' ').trimEnd();
  let end = said.length;
  while (end > 0 && '.!。'.includes(said[end - 1]!)) end--;
  const words = said.slice(0, end).trim().split(/\s+/u);
  if (words.length > SENTENCE_WORDS) return 'none';
  for (let i = 1; i < words.length; i++) {
    // A modal or a denial before the status (`Should be done`, `has not yet started`, `isn't done`) states none.
    if (MODAL.test(words[i - 1]!) || DENIAL.test(words[i - 1]!)) return 'none';
    const rest = words.slice(i).join(' ');
    const hit = vocab.leadingWord(rest);
    // The phrase closes the sentence: `Should be done by Friday` says when, not that it is.
    if (hit && hit.text.length === rest.length) return hit.status;
  }
  return 'none';
}

/** What a legend entry's words say its mark means (`❌ Not delivered`: to do, though ❌ alone reads as blocked). */
function meaning(shown: string, vocab: Vocabulary): SettableStatus | null {
  const word = vocab.read(shown).word;
  return word ? (vocab.leadingWord(word)?.status ?? null) : null;
}
