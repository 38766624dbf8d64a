// List items as tasks. An item is a task when it says so: a checkbox (every
// common variant: `[ ]`, `[x]`, `[-]` cancelled, `[/]` in progress), a status
// mark at its start or end (`✅ …`, `… ✓`, `` `[done]` …``, `~~struck~~`), a
// status after its title (`— cancelled`, `(complete)`), an id of its own
// (`5.A`, `BUG-3`, `**Hito 1:**`), or a heading above it that states the
// status of everything listed under it (`## Todo`, `### Done ✅`).
// Legends (`- ✅ Done`), fields (`- **Status**: …`) and progress lines
// (`- **Backend**: 90%`) are not tasks.

import type { Span } from '../parse/blocks.js';
import { startsWithSignifier, type Status, type Vocabulary } from '../model/status.js';
import { plainText, startsStruck } from '../text/plain.js';
import { cleanTitle, COMMIT_TYPE, HERE_MARK, LETTER_DOT_ID, splitId, stripLeadingMarks, type TitleCut, withoutCodedType } from './names.js';
import { priorityLevel } from './priority.js';
import { bracketDepth, withoutStamp } from './stamp-tail.js';
import { leadingOwnerMark, trailingOwnerMark } from './owner-mark.js';
import { hasCodeAtLeast, hasLetter, hasLetterOrDigit, isDigit, PICTOGRAPHIC_MIN } from '../text/char-tests.js';
import { allMatches } from '../text/all-matches.js';

/**
 * Obsidian-style checkbox variants, and what each means: as Obsidian Tasks'
 * status collections type them, `[>]` (forwarded), `[!]` (important) and
 * `[?]` (question) are still to do.
 */
const BOXES: Record<string, Status> = {
  ' ': 'pending',
  // `- [] Request forwarder`: an open box typed without its space (GitHub shows the brackets; the writer meant a box).
  '': 'pending',
  x: 'done',
  X: 'done',
  '-': 'cancelled',
  '/': 'in-progress',
  '~': 'in-progress',
  '>': 'pending',
  '!': 'pending',
  '?': 'pending',
  // A tick drawn inside the brackets (`[✔️]`, `[✅]`, `[✓]`, `[☑]`): a ticked box, whatever glyph ticks it.
  '✔️': 'done',
  '✔': 'done',
  '✅': 'done',
  '✓': 'done',
  '☑️': 'done',
  '☑': 'done',
};
/** What can stand between a box's brackets: a space, a letter or sign of the Obsidian variants, a drawn tick, or nothing. */
const BOX_INSIDE = String.raw`[ xX\-/~>!?]|✔️|✔|✅|✓|☑️|☑|\p{Extended_Pictographic}\uFE0F?|`;
/** A box's own text (`[x]`, `[✔️]`) at the start of `s`: its length, or 0 (a drawn tick is two code units or more). */
export function boxLength(s: string): number {
  return BOX_TEXT.exec(s)?.[0].length ?? 0;
}
const BOX_TEXT = new RegExp(String.raw`^\[(?:${BOX_INSIDE})\]`, 'u');
// `[ ]*`: Kiro's optional task (`- [ ]* 2.3 Write property tests`), a box all the same; the star is not the title's
// (nor its backslash, where the file escapes the star so it shows as typed: `- [ ]\* 2.3`).
const BOX_AT_START = new RegExp(String.raw`^\[(${BOX_INSIDE})\](?:\\?\*)?[ \t]+(?=\S)`, 'u');
// `` - `[x]` Build the form ``: a box written as code (so it shows as typed) is the item's box all the same.
/** A box opening a paragraph line, no list marker before it, in bold or not (`**[x] 1. Set up the project**`, `[ ] Write the tests`). */
export const LINE_BOX = /^(\*\*|__)?\[[ xX]\][ \t]+(?=\S)/u;
const CODE_BOX_AT_START = new RegExp(`^\u0060${String.raw`\[(${BOX_INSIDE})\]`}\u0060${String.raw`[ \t]+(?=\S)`}`, 'u');
/** `(ANA) Build the form`: one capitalised word in brackets, then the title. */
const LEAD_NAME = /^\((\p{Lu}[\p{L}]{1,19})\)\s+(?=\S)/u;
/** How many blanks after a box are looked through for the text (bounded: a hostile line of spaces stays cheap). */
const BOX_BLANKS_MAX = 256;
/** Field names that say an entry's state (`**Status:** Erledigt`); also the names of a status column. */
export const STATE_KEYS = new Set([
  'status',
  'state',
  'estado',
  'estatus',
  'statut',
  'stato',
  'zustand',
  'stav',
  'статус',
  'стан',
  '状態',
  '状态',
  'ステータス',
  'الحالة',
  '상태',
  '狀態',
  '状況',
  'trạng thái',
  'durum',
]);

/** Field names whose value gives a heading its status: its state, or its progress or outcome (`**Result**: ✅ COMPLETE`). */
export const STATUS_KEYS = new Set([...STATE_KEYS, 'progress', 'progreso', 'progresso', 'plans', 'result', 'resultado']);
/** Field names that make `- **Name**: value` an attribute of the heading above, not a task. */
const FIELD_KEYS = new Set([
  ...STATUS_KEYS,
  'owner',
  'assignee',
  'priority',
  'severity',
  'page',
  'route',
  'root cause',
  'reproduction',
  'error',
  'symptom',
  'files',
  'file',
  'files fixed',
  'location',
  'goal',
  'depends on',
  'dependencies',
  'requirements',
  'estimate',
  'due',
  'notes',
  'impact',
  'solution',
  'fix',
  'tests',
  'effort',
  'type',
  'prioridad',
  'responsable',
  'objetivo',
  'duration',
  'deadline',
  'verified',
  'reason',
  'cause',
  'note',
  'why',
]);
const FIELD = /^(?:\*\*|__)?([^*_:：\n]{1,40}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*/u;
/** A field at the start of a line (`- **Status:** Open`, `Исполнитель: …`). */
const LINE_FIELD = /^(?:[-*+]\s+(?!\s))?(?:\*\*|__)?([^*_:：\n]{1,30}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*/u;
/** A bold label and its value (`**Started:** Completed`): an item written as a field, whatever the value says. */
const BOLD_LABEL = /^(?:\*\*|__)[^*_:：\n]{1,40}?(?:[:：](?:\*\*|__)|(?:\*\*|__)\s*[:：])[ \t]*\S/u;

export function boldLabelled(text: string): boolean {
  return BOLD_LABEL.test(text.trimStart());
}

/** A further bold field on the same line (`**Priority:** High **Status:** Open`). */
const NEXT_BOLD_FIELD = /(?<=\s)(?:\*\*|__)([^*_:：\n]{1,30}?)(?:[:：](?:\*\*|__)|(?:\*\*|__)\s*[:：])[ \t]*/gu;

/**
 * The fields a line writes: one at its start, and, after it, any further bold
 * ones, each value running to the next field (a paragraph of fields written
 * side by side). Spans are offsets into `raw`.
 */
export function lineFields(raw: string): { key: string; value: Span }[] {
  const first = LINE_FIELD.exec(raw);
  if (!first) return [];
  const heads = [{ key: first[1]!, at: 0, valueStart: first[0].length }];
  NEXT_BOLD_FIELD.lastIndex = first[0].length;
  for (let m = NEXT_BOLD_FIELD.exec(raw); m; m = NEXT_BOLD_FIELD.exec(raw)) {
    heads.push({ key: m[1]!, at: m.index, valueStart: m.index + m[0].length });
  }
  return heads.map((h, i) => {
    const end = i + 1 < heads.length ? heads[i + 1]!.at : raw.length;
    const value = raw.slice(h.valueStart, end);
    return { key: h.key.trim().toLowerCase(), value: { start: h.valueStart, end: h.valueStart + value.trimEnd().length } };
  });
}

/** A day of a schedule before a colon: `Day 3:`, `Día 2:`, `Tag 4:`, `Jour 1:`, `День 5:`. */
const DAY_PREFIX = /^(?:day|día|dia|tag|jour|день)\s+\d{1,3}\s*[:：]\s+(?=\S)/iu;

// `%95`: Turkish (and some other languages) write the percent sign before the number.
const PROGRESS_VALUE = /^~?\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*%|^%\s?\d+(?:[.,]\d+)?\b|^\d+\s*\/\s*\d+\b|^\d[\d,.]*\s*(?:→|->)/u;
/** PROGRESS_VALUE, run only where it can start: a digit, `~` or `%` first. */
const progressValue = (s: string): boolean => (isDigit(s.charCodeAt(0)) || s.startsWith('~') || s.startsWith('%')) && PROGRESS_VALUE.test(s);

/**
 * Whether an item's text, without a box, is a bold label over a count or a measure, status words and marks
 * and all (`**Done**: 12 ✅`, `**P0 tasks**: 7个 (已完成7个)`, `**Coverage**: 80%`): a figure, not a task.
 */
function countField(raw: string, boxed: boolean): boolean {
  if (boxed) return false;
  const unmarked = stripLeadingMarks(raw);
  const field = /^(?:\*\*|__)[^*_\n]{1,40}?(?:[:：](?:\*\*|__)|(?:\*\*|__)\s*[:：])\s*/u.exec(unmarked);
  if (!field) return false;
  const value = unmarked.slice(field[0].length);
  const unbracketed = value.replace(/\([^()]*\)/gu, ' ');
  // Every mark is U+00A9 or above; a number opens the amount below.
  const bare = (hasCodeAtLeast(unbracketed, PICTOGRAPHIC_MIN) ? unbracketed.replace(/[\p{Extended_Pictographic}\uFE0F✓✗✘]/gu, ' ') : unbracketed).trim();
  return progressValue(value) || (isDigit(bare.charCodeAt(0)) && /^\d[\d,.]*(?: ?\p{L}{1,2})?$/u.test(bare));
}

export interface ItemReading {
  /** Why the item is a task; null when it is not one. */
  task: boolean;
  id: string | null;
  /** The id names a scope (`Phase 3:`): only an id where the item is a task anyway. */
  scopeId: boolean;
  title: string;
  notes: string | null;
  status: Status;
  statusText: string;
  /** A checkbox variant not recognised by GFM (`[-]`, `[/]`): its span. */
  box: Span | null;
  statusMark: Span | null;
  statusTail: Span | null;
  /** `- ✅ Done`: an entry of a status legend (emoji → status). */
  legend: { emoji: string | null; status: Status } | null;
  /** `- **Status**: FIXED`: a field of the heading above. */
  field: { key: string; value: Span } | null;
  /** The item's own words (bold title or plain), for telling list items apart. */
  bold: boolean;
  struck: boolean;
  /** Its status comes from a mark or words, not a checkbox. */
  marked: boolean;
  /** A claim's `@name` mark at the end of the item. */
  owner: string | null;
  /** `- [ ] 1. Set up the API`: the number written before the title, an id where such numbers never repeat. */
  ordinal: string | null;
  /** The one issue the item's words end by citing (`Cloudflare DNS provider (#24)`), when it has no id of its own. */
  issue?: string | null;
  /** A status phrase after the title says the status beside the box or mark (`(SKIPPED - …)`), and decides over a generic one. */
  tailSays: boolean;
  /** `[M0] Workspace tooling`: the bracketed tag before the title (an id when each item of its list has its own). */
  tag: string | null;
  /** `(ANA) Build the form`: a name in brackets before the title, and the title after it (an owner where names take turns down the list). */
  lead: { name: string; title: string } | null;
  /** Only a `(TODO: switch providers)` after the title says a status: a note of work still to do, which the builder weighs. */
  todoNote: boolean;
  /** `- [ ] (Move tasks here once work starts)`: an open box whose whole text is in brackets holds a place; it names no work. */
  placeholder: boolean;
}

/** Reads one item. `text` is the file's text; `span` the item's first paragraph (after a GFM checkbox). */
export function readItem(
  text: string,
  span: Span,
  gfmBox: { checked: boolean | null; span: Span | null },
  vocab: Vocabulary,
  repair: (s: string) => string,
): ItemReading {
  const outcome = outcomeLine(text, span);
  if (!outcome) return withLead(readItemText(text, span, gfmBox, vocab, repair), vocab, text, span);
  const r = readItemText(text, { start: span.start, end: outcome.start }, gfmBox, vocab, repair);
  const said = repair(plainText(text.slice(outcome.start, span.end)))
    .replace(/\s+/g, ' ')
    .trim();
  if (!r.field) r.notes = [r.notes, said].filter(Boolean).join(' ');
  return withLead(r, vocab, text, span);
}

/** Where an item's words start: after its box and leading mark, and the blanks after them. */
export function wordsStart(text: string, src: { statusMark: Span | null; text: Span }): number {
  let at = src.statusMark ? src.statusMark.end : src.text.start;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/**
 * `(@ana) Build it`, `[@ana] …`, `() …`: the owner lead where the item's words start (the raw text, so that the
 * reader and the writers find the same one), with where its name goes; null without one.
 */
export function ownerLeadOf(text: string, src: { statusMark: Span | null; text: Span }): (Span & { owner: string; inner: Span }) | null {
  const at = wordsStart(text, src);
  // Most items open with no bracket: no copy of their text for them.
  const lead = at < src.text.end && (text[at] === '(' || text[at] === '[') ? leadingOwnerMark(text.slice(at, src.text.end)) : null;
  if (!lead) return null;
  return { start: at, end: at + lead.end, owner: lead.owner, inner: { start: at + lead.inner.start, end: at + lead.inner.end } };
}

/**
 * An owner lead (`(@ana) Build the form`) names the owner unless a claim's mark after the words names a later one,
 * and leaves the title; else the name in brackets opening the title (`(ANA) Build the form`), into `r.lead` (a status
 * word there is no name). `span`: the item's text, as readItem has it.
 */
function withLead(r: ItemReading, vocab: Vocabulary, text: string, span: Span): ItemReading {
  const handle = ownerLeadOf(text, { statusMark: r.statusMark, text: r.box ? { start: r.box.end + 1, end: span.end } : span });
  if (handle) {
    r.owner ??= handle.owner || null;
    const shown = text.slice(handle.start, handle.end).trim();
    if (r.title.startsWith(shown)) r.title = r.title.slice(shown.length).trimStart();
    return r;
  }
  const lead = r.title.startsWith('(') ? LEAD_NAME.exec(r.title) : null;
  if (lead && vocab.read(lead[1]!).status === 'none') r.lead = { name: lead[1]!, title: r.title.slice(lead[0].length) };
  return r;
}

function readItemText(
  text: string,
  span: Span,
  gfmBox: { checked: boolean | null; span: Span | null },
  vocab: Vocabulary,
  repair: (s: string) => string,
): ItemReading {
  const r = emptyReading();
  const { end, here } = trailingMarks(text, span, r);
  const boxed = readBox(text, span.start, end, gfmBox, r, vocab);
  const boxStatus = boxed.status;
  let at = boxed.at;
  if (countField(text.slice(at, end), !!gfmBox.span || !!r.box)) return { ...r, field: { key: 'count', value: { start: at, end } } };
  const afterId = markAfterId(text, at, end, vocab);
  const mark = afterId ?? leadingStatus(text, at, end, vocab);
  r.statusMark = mark?.span ?? null;
  if (mark) at = skipBlanks(text, afterId?.resume ?? mark.span.end, end);
  const raw = (afterId?.lead ?? '') + joinLines(text.slice(at, end));
  const show = (s: string) => repair(plainText(s));
  const unmarked = stripLeadingMarks(raw);
  // `- [ ] fix: Export the login`: a conventional-commit type labels a checklist item; no `Fix:` field (BOXED_FIELD_KEYS).
  const field = boxStatus !== null && COMMIT_TYPE.test(unmarked) ? null : FIELD.exec(unmarked);
  if (field && !/^\s*\d/.test(unmarked) && !afterId) {
    const key = field[1]!.trim().toLowerCase();
    const valueStart = at + (raw.length - unmarked.length) + field[0].length;
    if (FIELD_KEYS.has(key) && (boxStatus === null || BOXED_FIELD_KEYS.has(key))) r.field = { key, value: { start: valueStart, end } };
    if (progressValue(unmarked.slice(field[0].length))) return { ...r, field: r.field ?? { key, value: { start: valueStart, end } } };
    if (r.field) return r;
  }
  const parts = splitParts(raw, show);
  r.id = parts.id;
  r.ordinal = parts.ordinal ?? null;
  r.scopeId = parts.scopeId;
  r.bold = parts.bold;
  r.struck = startsStruck(raw.trim());
  const isStatus = (s: string) => vocab.read(s).status !== 'none';
  r.tag = parts.id === null && parts.title.startsWith('[') ? (/^\[([\p{L}\p{N}][\p{L}\p{N}._/-]{0,20})\]\s+(?=\S)/u.exec(parts.title)?.[1] ?? null) : null;
  const cut: TitleCut = {};
  r.title = cleanTitle(withoutCodedType(parts.title, raw), isStatus, cut);
  if (r.id === null && !parts.rest) r.issue = cut.issue ?? null;
  r.notes = parts.rest ? cleanTitle(parts.rest, isStatus) || null : emphasisedNote(raw, r);
  Object.assign(r, withoutStamp(r.title, r.notes, vocab));
  if (boxStatus !== null) joinLabel(r, parts);
  const markReading = mark ? vocab.read(show(text.slice(mark.span.start, mark.span.end))) : null;
  const from = mark ? mark.span.start : at;
  const whole = !boxStatus && mayOpenWithMark(text, from, end) ? show(text.slice(from, end)) : '';
  if (whole && isLegend(whole, vocab)) {
    const reading = vocab.read(whole);
    r.legend = { emoji: reading.emoji, status: reading.status };
  }
  const tail = here ?? tailStatus(text, at, end, parts, vocab, show);
  // `[x] Rebuild ✓ **PARTIALLY DONE**`, `[ ] Lay turf (SKIPPED - …)`: words that say the work is under way,
  // stopped or dropped are more precise than a generic box or mark, and win over them.
  // Where they agree (`[x] … (Done - kept)`), both say the status, and a write changes both.
  const front = boxStatus !== null || mark ? pickStatus(boxStatus, markReading?.status ?? null, null, false) : null;
  // A box or mark that already says the work stopped (`[-] ⏭️ … (deferred: …)`) is not generic: it stands.
  r.tailSays = !!tail?.word && front !== null && (EXPLICIT.has(tail.status) || tail.status === front);
  const wins = r.tailSays && !STOPPED.has(front!);
  r.status = wins ? tail!.status : pickStatus(boxStatus, markReading?.status ?? null, tail?.status ?? null, r.struck);
  r.statusText = statusTextOf(text, gfmBox.span ?? r.box, mark ? show(text.slice(mark.span.start, mark.span.end)) : '', !mark && tail ? tail.text : '');
  if (tail && (!mark || r.tailSays)) r.statusTail = tail.span;
  // The words around a status in brackets (`(blocked on step 4)`) say why: notes, never dropped with the status.
  const why = tail?.paren && tail.word ? tail.paren.slice(tail.paren.indexOf(tail.word) + tail.word.length).replace(/^[\s:：,;—–-]+/u, '') : '';
  if (why) r.notes = [r.notes, why.trim()].filter(Boolean).join(' ');
  if (tail && !mark && !boxStatus) {
    // The notes are what follows the title but the status phrase (`✅ Complete (Day 1)` → `(Day 1)`).
    const rest = splitParts(text.slice(at, tail.span.start) + text.slice(tail.span.end, end), show).rest;
    r.notes = rest ? cleanTitle(rest, isStatus) || null : null;
  }
  // An id alone makes a task only with a title after it: `* LZ4`, `- GPU` name a thing (`- [ ] #123` has its box).
  const titled = r.id !== null && !r.scopeId && !!parts.titled;
  r.task = boxStatus !== null || !!mark || !!tail || r.struck || titled;
  // `✅ `signup_completed``: a mark beside a name in code is a checked list of names, not work; a legend entry neither.
  if (r.legend || (!boxStatus && /^`[^`]+`(?:\s*\([^()]*\))?$/.test(raw.trim()))) r.task = false;
  r.marked = boxStatus === null;
  r.placeholder = boxStatus === 'pending' && !mark && !tail && PLACEHOLDER_TEXT.test(show(raw).trim());
  r.todoNote = r.task && !boxStatus && !mark && !r.struck && r.id === null && !!tail?.paren && /^\s*(?:todo|to do|fixme)\s*[:：]/iu.test(tail.paren);
  return r;
}

/**
 * Field names that stay fields on a line with a box: the state and the owner of the task above (`- [x] Status: done`).
 * A box makes any other line a checklist item (`- [ ] Fix: retry the token`, `- [x] Goal: ship v1`).
 */
const BOXED_FIELD_KEYS = new Set([...STATUS_KEYS, 'owner', 'assignee']);

/** A first line that is wholly a bold lead (`**Das Relay ist offen**`), up to where the lead closes. */
const LEAD_LINE = /^(\*\*|__)(?=\S)[^\n]*?\S\1(?=[ \t]*\r?\n)/u;

/**
 * An item's lines joined into one, as a reader reads a paragraph; after a first line that is wholly a bold lead the
 * line break stays (splitLead: the lead named the item on a line of its own, and the lines below describe it).
 */
function joinLines(s: string): string {
  if (!s.includes('\n')) return s;
  const lead = LEAD_LINE.exec(s);
  return s.replace(/(?<!\s)\s*\r?\n\s*/g, (_: string, at: number) => (lead && at === lead[0].length ? '\n' : ' '));
}

/** The words that say an item's status, as written: its box, its mark, else the phrase after its title. */
function statusTextOf(text: string, box: Span | null, mark: string, tail: string): string {
  return [box ? text.slice(box.start, box.end) : '', mark, tail].filter(Boolean).join(' ');
}

/**
 * `- [ ] T2 — Seed the demo data *(Ana)*`: a bracket in emphasis closing the item is an aside beside its name
 * (who, why), as it is after a heading's name: notes (returned), not the title.
 */
function emphasisedNote(raw: string, r: ItemReading): string | null {
  const end = raw.trimEnd();
  if (!end.endsWith(')*') && !end.endsWith(')_')) return null;
  const note = /(?<!\s)\s*([*_])\(([^()]{1,60})\)\1\s*$/u.exec(raw);
  const cut = note ? r.title.replace(/(?<=\S)\s*\([^()]*\)\s*$/u, '') : r.title;
  if (!note || cut === r.title || !hasLetterOrDigit(cut)) return null;
  r.title = cut;
  return note[2]!.trim();
}

/**
 * `- [x] **T1.1** Create the project` / `  → builds and runs on the emulator`: a line of the item that opens with an
 * arrow says what the work leads to (its outcome, its acceptance test), not what it is: notes, not the title.
 * Only a later line: an arrow on the item's first line is part of how it is named (`Parse → store`).
 */
function outcomeLine(text: string, span: Span): Span | null {
  const at = OUTCOME_LINE.exec(text.slice(span.start, span.end));
  // `card → panel → season` / `→ next episode`: where the first line chains steps (two arrows or more), the
  // arrow continues the chain; one arrow (`Parse the upload → drafts`) names a conversion, the work itself.
  if (!at || (text.slice(span.start, span.start + at.index).match(ARROWS)?.length ?? 0) >= 2) return null;
  return { start: span.start + at.index, end: span.end };
}
/** A text wholly in one pair of brackets, none inside (`(Add tasks here)`, `[to be decided]`). */
const PLACEHOLDER_TEXT = /^(?:\([^()]+\)|\[[^[\]]+\])$/u;
const ARROWS = /→|⇒|⟶|->|=>/gu;
const OUTCOME_LINE = /\r?\n[ \t]*(?=(?:→|⇒|⟶|->|=>)[ \t]*\S)/u;

/**
 * `- [ ] **Search speed**: under 2 s on 100k files`: in a checklist a bold label names the topic and the words
 * after its colon the work to check; the task is the whole line (a lead-in, ending in a colon, is not). Only
 * under a box: a mark comes and goes with a write, and the title (and the reference made of it) must not.
 */
function joinLabel(r: ItemReading, parts: Parts): void {
  if (!parts.labelled || !r.notes || /[:：]$/u.test(parts.rest.trimEnd())) return;
  r.title = `${r.title}${parts.wideColon ? '：' : ': '}${r.notes}`;
  r.notes = null;
}

function emptyReading(): ItemReading {
  return {
    task: false,
    id: null,
    scopeId: false,
    title: '',
    notes: null,
    status: 'none',
    statusText: '',
    box: null,
    statusMark: null,
    statusTail: null,
    legend: null,
    field: null,
    bold: false,
    struck: false,
    marked: false,
    owner: null,
    ordinal: null,
    tag: null,
    lead: null,
    tailSays: false,
    todoNote: false,
    placeholder: false,
  };
}

/**
 * What ends an item after its title: a claim's `@name` (into `r.owner`) and a `← we are here` marker.
 * Returns where the rest of the item ends, and the marker's status.
 */
function trailingMarks(
  text: string,
  span: Span,
  r: ItemReading,
): { end: number; here: { status: Status; text: string; span: Span; word: string; paren?: string } | null } {
  const at = span.start;
  let end = span.end;
  const claim = trailingOwnerMark(text.slice(at, end));
  if (claim) {
    r.owner = claim.owner;
    end = at + claim.start;
  }
  // `- Pour the slab ← we are here`: the marker says the item is under way, after the title.
  const hereAt = HERE_MARK.exec(text.slice(at, end));
  let here: { status: Status; text: string; span: Span; word: string; paren?: string } | null = null;
  if (hereAt) {
    const start = at + hereAt.index + (hereAt[0].length - hereAt[0].trimStart().length);
    const stop = at + hereAt.index + hereAt[0].trimEnd().length;
    here = { status: 'in-progress', text: text.slice(start, stop), span: { start, end: stop }, word: 'here' };
    end = at + hereAt.index;
  }
  return { end, here };
}

/** The item's checkbox (GFM's, or one written `[ ]` where GFM sees none, into `r.box`): its status, and where the text after it starts. */
function readBox(
  text: string,
  at: number,
  end: number,
  gfmBox: { checked: boolean | null; span: Span | null },
  r: ItemReading,
  vocab: Vocabulary,
): { status: Status | null; at: number } {
  let boxStatus: Status | null = null;
  if (gfmBox.span) boxStatus = gfmBox.checked ? 'done' : 'pending';
  else {
    // The box and the blanks after it (any number: `[ ]     five spaces` is still a box and its text).
    const head = text.slice(at, Math.min(end, at + 6 + BOX_BLANKS_MAX));
    const box = BOX_AT_START.exec(head) ?? CODE_BOX_AT_START.exec(head);
    const status = box ? (vocab.boxStatus(`[${box[1]!}]`) ?? BOXES[box[1]!] ?? emojiBox(box[1]!, vocab)) : null;
    if (box && status) {
      // The box's own characters (three, more for a drawn tick), inside the backticks when it is code: a write ticks it there.
      const boxAt = head[0] === '`' ? at + 1 : at;
      r.box = { start: boxAt, end: boxAt + 2 + box[1]!.length };
      boxStatus = status;
      at += box[0].length;
    }
  }
  return { status: boxStatus, at };
}

/**
 * `[⏳]`, `[🚧]`: a box holding an emoji that firmly says a status (the file's legend says more, as `boxStatus` gives
 * it). A weak or unknown one (`[🐛]` a category, `[🔴]` a priority) is a tag in brackets, not a box: null.
 */
function emojiBox(emoji: string, vocab: Vocabulary): Status | null {
  const known = vocab.emojiStatus(emoji);
  return known?.strong ? known.status : null;
}

/** Where an item's text is read again from its box `box`: the backtick before it when the box is written as code. */
export function boxReadStart(text: string, box: Span): number {
  return text[box.start - 1] === '`' && text[box.end] === '`' ? box.start - 1 : box.start;
}

/** Statuses an explicit phrase states more precisely than a box or a generic mark. */
const EXPLICIT: ReadonlySet<Status> = new Set(['in-progress', 'blocked', 'cancelled']);
const STOPPED: ReadonlySet<Status> = new Set(['blocked', 'cancelled']);

/** `[-]` → cancelled wins; a ticked box is done; an open box gives way to a mark; then the tail. */
function pickStatus(box: Status | null, mark: Status | null, tail: Status | null, struck: boolean): Status {
  if (box && box !== 'pending') return box;
  if (mark) return mark;
  // Words after the title are notes once a checkbox says the status (`- [ ] Phase 1 — completed 2026-03-04` is open).
  if (box) return box;
  if (tail) return tail;
  return struck ? 'done' : 'none';
}

function skipBlanks(text: string, at: number, end: number): number {
  while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

/** A status emoji, shortcode, or bracketed/coded status word (`` `[done]` ``) at the start of the item text. */
function leadingStatus(text: string, at: number, end: number, vocab: Vocabulary): { span: Span } | null {
  const head = text.slice(at, Math.min(end, at + 40));
  // The cheap tests first: a mark is U+00A9 or above, a shortcode opens with a colon, a tag with a bracket or a tick.
  const first = head.charCodeAt(0);
  const emoji =
    first >= PICTOGRAPHIC_MIN
      ? /^(?:\p{Extended_Pictographic}|[\u2190-\u21FF\u2300-\u23FF\u2460-\u27BF\u2B00-\u2BFF\u25A0-\u25FF⊘✓✗✘])\uFE0F?/u.exec(head)
      : null;
  if (emoji && vocab.isStatusEmoji(emoji[0]) && !startsWithSignifier(head)) return { span: { start: at, end: at + emoji[0].length } };
  const code = first === 0x3a ? /^:([a-z0-9_+-]+):/i.exec(head) : null;
  if (code && vocab.read(code[0]).emoji) return { span: { start: at, end: at + code[0].length } };
  const tag = first === 0x60 || first === 0x5b ? /^`?\[([\p{L} _-]{2,20})\]`?(?=\s)/u.exec(head) : null;
  if (tag) {
    const word = vocab.leadingWord(tag[1]!);
    if (word && word.text.length === tag[1]!.length) return { span: { start: at, end: at + tag[0].length } };
  }
  return null;
}

/**
 * `**B.1** ✅ Rewrite the prompt`, ``A.3 `□` Edge source``: a status mark right after the item's id (in bold or not,
 * the mark in code or not) states its status as a leading mark does. `lead` is the id, set apart in bold as it is
 * put back before the title; `resume` where the title starts. An id is never a mark, so a leading mark and
 * this one never both exist.
 */
function markAfterId(text: string, at: number, end: number, vocab: Vocabulary): { span: Span; lead: string; resume: number } | null {
  const lead = ID_LEAD.exec(text.slice(at, Math.min(end, at + 40)));
  if (!lead || (splitId(`${lead[2]} `).id !== lead[2] && !LETTER_DOT_ID.test(lead[2]!))) return null;
  const from = at + lead[0].length;
  const tick = text[from] === '`' ? 1 : 0;
  const mark = leadingStatus(text, from + tick, end, vocab);
  if (!mark || (tick && text[mark.span.end] !== '`')) return null;
  return { span: mark.span, lead: `**${lead[2]}** `, resume: mark.span.end + tick };
}

/** `(2025-11-18 02:40Z) `: a date, or a date and a time, in brackets before an item's words (an ExecPlan's progress log). */
const LEAD_STAMP = /^\(\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[ ]?[+-]\d{2}:?\d{2})?)?\)[ \t]+(?=\S)/u;
const ID_LEAD = /^(\*\*|__)?([^\s*_`]{1,24})\1[ \t]+/u;

/** The raw parts of an item's text after its box and marks: where `plan edit` finds its title and notes. */
export function itemParts(raw: string): { id: string | null; title: string; notes: string | null; labelled: boolean } {
  const p = splitParts(raw, (s) => s);
  return { id: p.id, title: p.title, notes: p.rest || null, labelled: !!p.labelled };
}

interface Parts {
  id: string | null;
  scopeId: boolean;
  title: string;
  /** Display text after the title and its separator. */
  rest: string;
  /** Raw offset (within the item text) where `rest` starts, or -1. */
  restAt: number;
  bold: boolean;
  /** `1. Set up the API` inside an item: the number written before the title. */
  ordinal?: string;
  /** Words follow the id (`T-12 Fit the sink`), not the id alone (`LZ4`). */
  titled?: boolean;
  /** `**Search speed**: under 2 s`: a bold label closed by a colon, words after it. */
  labelled?: boolean;
  /** The label's colon is a full-width one (`**数据共享**：通过…`): the title joins with it, as the file does. */
  wideColon?: boolean;
}

/**
 * Whether the words after a bold lead go on with its sentence: a comma, an East Asian bracket that no colon follows
 * (`**Export**（P2）：…` qualifies a label), or a small letter after a lead in a script of capitals (in Chinese or
 * Japanese a space sets a description apart, whatever letter starts it).
 */
function goesOn(lead: string, rest: string): boolean {
  if (/^[,，、]/u.test(rest)) return true;
  // A lead that closes with a full stop has ended its sentence (`**Collapse all.** diffModel: …`).
  if (/[.。．!?！？]$/u.test(lead)) return false;
  if (rest.startsWith('（')) return !/^（[^（）]{0,80}）[ \t]*[:：]/u.test(rest);
  return /^\p{Ll}/u.test(rest) && !/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(lead);
}

/**
 * `**1. Versehentlicher Sieg**`: a number opening a bold lead numbers the item, as `1. …` before the words does
 * (an id where such numbers never repeat in the file): the lead without it, and the number.
 */
function boldOrdinal(raw: string): { raw: string; n: string } | null {
  const m = /^(\*\*|__)(\d{1,4})[.)][ \t]+(?=[^\s*_])/u.exec(raw);
  return m && raw.indexOf(m[1]!, m[0].length) > 0 ? { raw: m[1]! + raw.slice(m[0].length), n: m[2]! } : null;
}

/** How many numbers, days and bold numbers before the words splitParts takes off (`1. 1. 1. …` on one line stays words). */
const MAX_LEADS = 4;

/** `**5.A Title**: notes`, `**Hito 1:** text`, `BUG-3: title — notes`, `Phase 1: Name — 4/4 plans`. */
function splitParts(text: string, show: (s: string) => string, depth = 0): Parts {
  // `(2025-11-18 02:40Z) Validation 1: …`: a timestamp before the words says when the step was done (an ExecPlan's
  // progress log writes every step so); it is not its name. One stamp: a second one is words.
  const stamp = text.startsWith('(') ? LEAD_STAMP.exec(text) : null;
  const raw = stamp ? text.slice(stamp[0].length) : text;
  const numbered = boldOrdinal(raw);
  if (numbered && depth < MAX_LEADS) return { ...splitParts(numbered.raw, show, depth + 1), ordinal: numbered.n };
  return idThenBold(raw, show) ?? splitLead(raw, show, depth);
}

/** `P1.2 **Collapse all — and expand.** diffModel: …`: after an id, a bold lead names the task as it does first. */
function idThenBold(raw: string, show: (s: string) => string): Parts | null {
  const m = /^(\S{1,30})[ \t]+(?=(?:\*\*|__)\S)/u.exec(raw);
  if (!m || m[1]!.includes('*') || m[1]!.includes('_')) return null;
  const idSplit = splitId(m[1]!);
  if (idSplit.id !== m[1] || idSplit.rest.trim()) return null;
  const lead = splitLead(raw.slice(m[0].length), show);
  if (!lead.bold || lead.id !== null) return null;
  return { ...lead, id: idSplit.id, scopeId: idSplit.scope, restAt: lead.restAt < 0 ? -1 : lead.restAt + m[0].length, titled: true };
}

/** splitParts for a text that no number opens in bold. */
function splitLead(raw: string, show: (s: string) => string, depth = 0): Parts {
  const open = /^(\*\*|__)(?=\S)/.exec(raw);
  if (open) {
    const close = raw.indexOf(open[1]!, 2);
    if (close > 2) {
      const inner = show(raw.slice(2, close)).trim();
      const qualifier = leadQualifier(raw.slice(close + 2), show);
      const after = raw.slice(close + 2 + qualifier.length);
      const sep = /^[\s:：.—–-]*/u.exec(after)![0];
      const idSplit = LETTER_DOT_ID.test(inner) ? { id: inner, rest: '', scope: false } : splitId(inner);
      // `**P2-01 — Undo。** Then describe it.`: the stop that closes a bold lead ends its sentence, in any script.
      let title = (idSplit.id ? idSplit.rest : inner).replace(/(?<![\s:：.。．])[\s:：.。．]+$/u, '') + qualifier.words;
      let rest = show(after.slice(sep.length)).trim();
      const restAt = close + 2 + qualifier.length + sep.length;
      // `**URGENT REVIEW NEEDED**: Compare the volumes`: a bold alert in capitals before a colon flags the task; the words after it name it.
      if (!idSplit.id && rest && /[:：]/u.test(sep) && isAlert(inner)) return { id: null, scopeId: false, title: rest, rest: inner, restAt: -1, bold: true };
      // `**Call the venue** about the dates`: words that go on the sentence after the bold, with no separator, belong to it.
      if (title && rest && !sep.trim() && !sep.includes('\n') && !/[:：]$/u.test(inner) && goesOn(inner, rest)) {
        return { id: idSplit.id, scopeId: idSplit.scope, title: `${title}${sep ? ' ' : ''}${rest}`, rest: '', restAt: -1, bold: true, titled: true };
      }
      const titled = !!title.trim() || !!rest;
      if (!title && rest) {
        // `**Hito 1:** Infraestructura Base`: the bold part was only the id.
        title = rest;
        rest = '';
      } else if (!title) title = inner; // `- C.4 ✅`: an item that is only an id is titled by it.
      const labelled = !idSplit.id && !!rest && (/[:：]/u.test(sep) || /[:：]$/u.test(inner));
      const wide = labelled && (sep.includes('：') || inner.endsWith('：'));
      return {
        id: idSplit.id,
        scopeId: idSplit.scope,
        title,
        rest,
        restAt: rest ? restAt : -1,
        bold: true,
        titled,
        labelled,
        ...(wide ? { wideColon: true } : {}),
      };
    }
  }
  const shown = show(raw).trim();
  // `01-02-PLAN.md -- Core interfaces…`: an item named by a numbered file is that file's work; its number is the id.
  const file = /^(\d+(?:[-.]\d+)+)-[\w.-]*\.(?:md|txt|markdown)\s+(?:--|—|–)\s+(\S.*)$/u.exec(shown);
  if (file) return { id: file[1]!, scopeId: false, title: file[2]!, rest: '', restAt: -1, bold: false, titled: true };
  const idSplit = splitId(stripLeadingMarks(shown));
  // `- [ ] 1. Set up the API`: a number the writer put before the title orders it; it is an id only
  // where such numbers never repeat in the file (the builder decides, as for ordered lists). `003: Parse
  // the file` numbers it the same way with a colon.
  const number = idSplit.id || depth >= MAX_LEADS ? null : /^(\d{1,4})[.):：]\s+(?=\S)/u.exec(stripLeadingMarks(shown));
  if (number) {
    const parts = splitParts(stripLeadingMarks(shown).slice(number[0].length), (s) => s, depth + 1);
    return { ...parts, ordinal: number[1]! };
  }
  // `- Day 3: AI Debate Chamber`: the day of a schedule says when; what follows is the work.
  const day = idSplit.id || depth >= MAX_LEADS ? null : DAY_PREFIX.exec(stripLeadingMarks(shown));
  if (day) return splitParts(stripLeadingMarks(shown).slice(day[0].length), (s) => s, depth + 1);
  // `- [ ] #123`: an item that is only an id is titled by it.
  const titled = !!idSplit.id && !!idSplit.rest.trim();
  const body = titled ? idSplit.rest : shown;
  const fields = dotFields(body);
  if (fields) return { id: idSplit.id, scopeId: idSplit.scope, title: fields.title, rest: fields.rest, restAt: -1, bold: false, titled };
  const dash = dashOutsideBrackets(body);
  if (dash && dash.index > 0) {
    // `` `src/mail.ts` — retrying client ``, `` Fix `src/x.ts` — pass the model ``: a name in code just
    // before the dash says which thing, the words after it the work; both are the title, up to a
    // last part that reads as a stamp (`— DONE 2026-03-06`, `— 4/4 plans`).
    const end = codeBeforeDash(raw) ? stampAt(body, dash.index) : dash.index;
    return {
      id: idSplit.id,
      scopeId: idSplit.scope,
      title: body.slice(0, end),
      rest: end < body.length ? body.slice(end).replace(/^\s+(?:—|–|--)\s+/u, '') : '',
      restAt: -1,
      bold: false,
      titled,
    };
  }
  return { id: idSplit.id, scopeId: idSplit.scope, title: body, rest: '', restAt: -1, bold: false, titled };
}

/**
 * `**Streaks** (active days) — not built`, `**About page** (`/about`): a parenthesis right after a bold lead,
 * before its separator, qualifies the lead, so it is part of the title; a priority there (`**Export** (HIGH):
 * …`) is a field of the task and is left out. The length is how much of the raw text the parenthesis takes.
 */
function leadQualifier(after: string, show: (s: string) => string): { words: string; length: number } {
  const paren = /^[ \t]*\(([^()\n]{1,80})\)(?=[ \t]*(?:[:：—–-]|$))/u.exec(after);
  if (!paren) return { words: '', length: 0 };
  const words = show(paren[1]!).trim();
  if (priorityLevel(words) && !/\s\S+\s/u.test(words)) return { words: '', length: paren[0].length };
  return { words: ` (${words})`, length: paren[0].length };
}

/**
 * `T-02 · Set up the backend · Ana · depends on: T-01`: parts set apart by middle dots, two or more, are the fields
 * of a record, as a table's cells are: the first part with words is the title, the parts after it are its notes.
 */
function dotFields(body: string): { title: string; rest: string } | null {
  if (!body.includes('·')) return null;
  const parts = body.split(/(?<=^|\s)·(?=\s|$)/u).map((p) => p.trim());
  if (parts.length < 3) return null;
  const first = parts.findIndex((p) => hasLetter(p));
  if (first < 0 || first === parts.length - 1) return null;
  return { title: parts[first]!, rest: parts.slice(first + 1).join(' · ') };
}

/**
 * The first separating dash not inside an open bracket: in `Objects (shapes, OLE — the error area)` the dash sets
 * apart words within the parenthesis, which belongs to the title whole.
 */
const DASH_PART = /(?<!\s)\s+(?:—|–|--)\s+/gu;

function dashOutsideBrackets(body: string): RegExpExecArray | null {
  let depth = 0;
  let from = 0;
  for (const dash of allMatches(DASH_PART, body)) {
    depth = bracketDepth(body, from, dash.index, depth);
    from = dash.index;
    if (depth === 0) return dash;
  }
  return null;
}

/** The item's first dash follows a span in code (`` `src/mail.ts` — … ``). */
function codeBeforeDash(raw: string): boolean {
  const dash = /(?<!\s)\s+(?:—|–|--)\s+/u.exec(raw);
  return !!dash && raw[dash.index - 1] === '`';
}

/** Where the title ends in `body` when its first dash (at `first`) does not end it: before a last part that is a stamp. */
function stampAt(body: string, first: number): number {
  const dashes = allMatches(DASH_PART, body.slice(first));
  const last = dashes[dashes.length - 1]!;
  const lastAt = first + last.index;
  const tail = body.slice(lastAt + last[0].length);
  // A date, a count or a word in capitals alone or before a date (`DONE 2026-03-06`, `4/4 plans`, `SHIPPED`) stamps the
  // item; words describe it (`HMAC token utility`).
  return /^(?:\d|\p{Lu}{2,}(?:\s+\d|\s*$))/u.test(tail) ? lastAt : body.length;
}

/** Words in capitals, two or more (`URGENT REVIEW NEEDED`): an alert, not a name. */
function isAlert(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  return words.length >= 2 && /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** Marks that state a status at the end of an item (a trailing 🎉 or ✨ celebrates, it does not track). */
export const TRAILING_MARKS = new Set(['✅', '✔', '☑', '✓', '❌', '✗', '✘', '⏳', '🔄', '🚧', '⛔', '🚫', '⏸', '🛑', '⬜']);

/** A strong status mark closing `raw` after a space (`Fixed ✅`): the mark and its offset in `raw`, or null. */
export function closingMark(raw: string, vocab: Vocabulary): { mark: string; at: number } | null {
  const trailing = hasCodeAtLeast(raw, PICTOGRAPHIC_MIN) ? /\s((?:\p{Extended_Pictographic}|[✓✗✘✔])\uFE0F?)\s*$/u.exec(raw) : null;
  if (!trailing || !TRAILING_MARKS.has(trailing[1]!.replace('\uFE0F', '')) || !vocab.isStatusEmoji(trailing[1]!)) return null;
  return { mark: trailing[1]!, at: trailing.index + 1 };
}

/** A status after the title: a mark at the very end, a status phrase after it, or `(complete)` at the end. */
function tailStatus(
  text: string,
  at: number,
  end: number,
  parts: Parts,
  vocab: Vocabulary,
  show: (s: string) => string,
): { status: Status; text: string; span: Span; word?: string | null; paren?: string } | null {
  const raw = text.slice(at, end);
  // `✓ **PARTIALLY DONE**`: a mark with status words after it, closing the item.
  const marked = hasCodeAtLeast(raw, PICTOGRAPHIC_MIN)
    ? /\s((?:\p{Extended_Pictographic}|[✓✗✘✔])\uFE0F?)\s+((?:\*\*|__)?[\p{L}][\p{L}\s'-]{1,30}(?:\*\*|__)?)\s*$/u.exec(raw)
    : null;
  if (marked && vocab.isStatusEmoji(marked[1]!)) {
    const r = vocab.read(show(marked[2]!));
    const words = show(marked[2]!).trim();
    const span = r.status !== 'none' && r.word?.length === words.length ? phraseSpan(raw, marked.index + 1, marked[1]!, r.word) : null;
    if (span) return { status: r.status, text: raw.slice(span.start, span.end), span: shift(span, at), word: r.word };
  }
  const trailing = closingMark(raw, vocab);
  if (trailing) {
    const s = at + trailing.at;
    return { status: vocab.read(trailing.mark).status, text: trailing.mark, span: { start: s, end: s + trailing.mark.length } };
  }
  const titleEnd = Math.max(0, raw.indexOf(parts.title.slice(0, 12)) + 1);
  if (parts.rest) {
    const lead = vocab.read(parts.rest);
    if (lead.status !== 'none' && (lead.emoji || /^[\p{L}]/u.test(parts.rest))) {
      const span = phraseSpan(raw, titleEnd, lead.emoji, lead.word);
      if (span) return { status: lead.status, text: raw.slice(span.start, span.end), span: shift(span, at) };
    }
    const segments = parts.rest.split(/(?<!\s)\s+[—–]\s+/u);
    const last = segments[segments.length - 1]!;
    if (segments.length > 1 && last.split(/\s+/).length <= 4) {
      const r = vocab.read(last);
      const span = r.status !== 'none' ? phraseSpan(raw, raw.lastIndexOf(last.slice(0, 6)), r.emoji, r.word) : null;
      if (span) return { status: r.status, text: raw.slice(span.start, span.end), span: shift(span, at) };
    }
  }
  const paren = /\(([^()]{2,40})\)(?:\*{1,2}|_{1,2})?\s*$/u.exec(raw);
  if (paren) {
    const r = vocab.read(show(paren[1]!));
    const span = r.status !== 'none' && r.word ? phraseSpan(raw, paren.index + 1, null, r.word) : null;
    if (span) return { status: r.status, text: raw.slice(span.start, span.end), span: shift(span, at), word: r.word, paren: show(paren[1]!) };
  }
  return null;
}

/** `✅ **RESOLVED**`: a phrase that opens emphasis takes its closing marks too, so a writer replaces the whole. */
function closeEmphasis(raw: string, start: number, end: number): number {
  const inside = raw.slice(start, end);
  for (const d of ['**', '__', '`']) {
    const opened = inside.split(d).length - 1;
    if (opened % 2 === 1 && raw.startsWith(d, end)) end += d.length;
  }
  return end;
}

/** Where the status phrase (its emoji, then its words) is written in `raw`, from `from` on. */
function phraseSpan(raw: string, from: number, emoji: string | null, word: string | null): Span | null {
  if (from < 0) return null;
  const first = emoji ?? word;
  if (!first) return null;
  const start = raw.indexOf(first, from);
  if (start < 0) return null;
  if (!word) return { start, end: start + first.length };
  const w = raw.indexOf(word, start);
  return w < 0 ? null : { start, end: closeEmphasis(raw, start, w + word.length) };
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/**
 * Whether the text from `start` may open with a mark (an emoji, a symbol, `:code:`): not where its first character,
 * after spaces, emphasis and brackets, is a letter or a digit. Most items open with words, and need no legend reading.
 */
function mayOpenWithMark(text: string, start: number, end: number): boolean {
  let at = start;
  while (at < end && ' \t*_`~[](){}"\'“”‘’«»'.includes(text[at]!)) at++;
  return at < end && !/[\p{L}\p{N}]/u.test(text[at]!);
}

/** `✅ Done`, `⬜ Not Started`, `` `⚙️ En Progreso` ``, `✅ **Done**: Task completed`: a legend entry. */
function isLegend(shown: string, vocab: Vocabulary): boolean {
  const reading = vocab.read(shown);
  if (reading.status === 'none' || !reading.emoji || !reading.word) return false;
  const afterEmoji = stripLeadingMarks(shown);
  const rest = afterEmoji.slice(reading.word.length).trim();
  return rest === '' || /^[:=(–—-]/u.test(rest);
}
