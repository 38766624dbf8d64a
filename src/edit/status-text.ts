// Where a status is written inside raw cell Markdown, and what to write there.
// `**Done** (Phase 3)` holds its status in `**Done**`; `‚úÖ Complete` (damaged)
// in the whole text; `From benchmark analysis` holds none.

import { leadingSymbol, stripVS, Vocabulary, type Status } from '../status.js';
import type { MojibakeFix } from '../text/mojibake.js';

export interface StatusPortion {
  /** Offsets relative to the raw text. Empty (start = end = 0) when there is no status. */
  start: number;
  end: number;
  status: Status;
  /** The emoji part as written (repaired when damaged), or null. */
  emoji: string | null;
  /** The word part as written, or null. */
  word: string | null;
}

const OPEN_FORMAT = /^(\*\*|__|`|\*|_|~~)/;

/**
 * Finds the status in raw Markdown. `damaged` lists mojibake runs in `raw`
 * (from findMojibake), so a damaged emoji is recognised and spliced whole.
 */
export function locateStatus(raw: string, vocab: Vocabulary, damaged: MojibakeFix[] = []): StatusPortion {
  const none: StatusPortion = { start: 0, end: 0, status: 'none', emoji: null, word: null };
  let p = raw.length - raw.trimStart().length;
  const start = p;
  const box = /^\[([ xX])\]/.exec(raw.slice(p));
  if (box) return { start, end: p + 3, status: box[1] === ' ' ? 'pending' : 'done', emoji: null, word: null };
  let open = OPEN_FORMAT.exec(raw.slice(p))?.[1] ?? '';
  p += open.length;
  let emoji: string | null = null;
  let emojiEnd = p;
  const run = damaged.find((d) => d.start === p);
  if (run) {
    const sym = leadingSymbol(stripVS(run.repaired));
    if (sym) {
      emoji = sym;
      emojiEnd = run.end;
    }
  } else {
    const sym = leadingSymbol(raw.slice(p));
    const code = /^:([a-z0-9_+-]+):/i.exec(raw.slice(p));
    if (sym) {
      emoji = sym;
      emojiEnd = p + sym.length;
      while (/[\uFE0E\uFE0F]/.test(raw[emojiEnd] ?? '')) emojiEnd++;
    } else if (code && Vocabulary.shortcode(code[1]!)) {
      emoji = Vocabulary.shortcode(code[1]!)!;
      emojiEnd = p + code[0].length;
    }
  }
  let q = emojiEnd;
  if (emoji) {
    while (raw[q] === ' ') q++;
    if (!open) {
      // `✅ **COMPLETE**`: formatting may open after the emoji.
      const inner = OPEN_FORMAT.exec(raw.slice(q))?.[1];
      if (inner && inner !== '_' && inner !== '*') {
        open = inner;
        q += inner.length;
      }
    }
  }
  const word = vocab.leadingWord(raw.slice(q));
  const es = emoji ? vocab.emojiStatus(emoji) : undefined;
  let status: Status = 'none';
  if (es?.strong) status = es.status;
  else if (word) status = word.status;
  else if (es) status = es.status;
  if (status === 'none') return none;
  let end = word ? q + word.text.length : emojiEnd;
  // Inside a code span that goes on after the word, the word is literal text.
  if (open === '`' && word && !raw.startsWith(open, end)) return none;
  if (open && raw.startsWith(open, end)) end += open.length;
  else if (open && !word) end = emojiEnd; // an opened span we did not close: keep it out
  if (open && !raw.slice(start, end).endsWith(open) && raw.startsWith(open, start)) {
    // Opening formatting with no closer inside the portion: leave it in place.
    return { start: start + open.length, end, status, emoji, word: word?.text ?? null };
  }
  return { start, end, status, emoji, word: word?.text ?? null };
}
