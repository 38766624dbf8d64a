// Where a status is written inside a cell's raw Markdown, and which part of
// the cell a new status replaces. The status is read by the one reader every
// command uses (Vocabulary.read, on the text as `list` shows it), so a cell
// the reader calls done (`[Done](http://x)`, `<b>Done</b>`) is a cell the writer
// replaces. The whole status phrase goes (`Partially Implemented`, `❌ Not
// tested`); only a note after it stays: a date, a `- owner` suffix, a
// parenthesis, a reference, an `@owner` claim mark, text after a dash or colon.

import { displayText } from '../read/build.js';
import { escapeCell } from '../text/plain.js';
import type { Status, Vocabulary } from '../model/status.js';

export interface StatusPortion {
  /** Offsets in the raw text of what a new status replaces (0, 0 when there is no status). */
  start: number;
  end: number;
  status: Status;
  /** The emoji part as read, or null. */
  emoji: string | null;
  /** The word part as read, or null. */
  word: string | null;
  /** How the file writes this status, to learn its style from: the phrase replaced. */
  example: string;
  /** Whether the reader recognised the whole phrase (`Partially Implemented` is not: only `Partially` is a status word). */
  exact: boolean;
  /** The note kept after the new status, as shown ('' when none). */
  kept: string;
  /**
   * Text to write after the new status when the note could not be kept in
   * place (its Markdown is tangled with the status's): then [start, end)
   * covers the whole rest of the cell.
   */
  suffix: string;
}

const NONE: StatusPortion = { start: 0, end: 0, status: 'none', emoji: null, word: null, example: '', exact: false, kept: '', suffix: '' };

// Where a note starts in the text after a status phrase: a dash, colon,
// semicolon or comma that separates; an opening parenthesis or bracket; a
// date; an issue or pull-request reference; a link; an @owner.
const NOTE_STARTS: RegExp[] = [
  /(?:^|\s)[-–—]+(?=\s|$)/,
  /[:;,](?=\s|$)/,
  /(?:^|\s)[([{]/,
  /(?<![\w.])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\w.])/,
  /(?<![\w.])\d{1,2}(?:\/\d{1,2}\/\d{2,4}|\.\d{1,2}\.\d{4})(?![\w.])/,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b/i,
  /(?:^|\s)#\d/,
  /(?:^|\s)@[\p{L}\p{N}_]/u,
  /\b(?:PR|MR)\b/,
  /https?:\/\//,
];

function noteStart(after: string): number {
  let at = -1;
  for (const re of NOTE_STARTS) {
    const m = re.exec(after);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  return at;
}

/** Formatting that may wrap a whole cell: the status is looked for inside it. */
const WRAPPERS: [string, string][] = [
  ['**', '**'],
  ['__', '__'],
  ['~~', '~~'],
  ['*', '*'],
  ['_', '_'],
  ['<b>', '</b>'],
  ['<strong>', '</strong>'],
];

/**
 * Finds the status in a cell's raw Markdown (`raw` trimmed). `repair` is the
 * mojibake repair the model used, so a damaged `‚úÖ Complete` reads as done.
 */
export function locateStatus(raw: string, vocab: Vocabulary, repair: (s: string) => string = (s) => s): StatusPortion {
  const shown = displayText(raw, repair);
  const reading = vocab.read(shown);
  if (reading.status === 'none') return NONE;
  const after = shown.slice(reading.end);
  const at = noteStart(after);
  const kept = at < 0 ? '' : after.slice(at).trim();
  // The phrase replaced: what the reader recognised, and the words after it up to the note.
  const phrase = shown.slice(reading.start, reading.end + (at < 0 ? after.length : at)).trim();
  const exact = phrase === shown.slice(reading.start, reading.end);
  const base = { status: reading.status, emoji: reading.emoji, word: reading.word, exact };
  const split = kept ? splitBefore(raw, kept, repair) : raw.length;
  if (split >= 0) {
    const end = trimEndAt(raw, split);
    return { ...base, start: 0, end, example: example(raw.slice(0, end), phrase, repair), kept, suffix: '' };
  }
  // The note's Markdown is tangled with the status's: look inside a wrapper
  // (`**Done (Phase 3)**`), else write the note as shown after the new status.
  for (const [open, close] of WRAPPERS) {
    if (raw.length > open.length + close.length && raw.startsWith(open) && raw.endsWith(close)) {
      const inner = locateStatus(raw.slice(open.length, raw.length - close.length), vocab, repair);
      if (inner.status === reading.status && !inner.suffix) return { ...inner, start: inner.start + open.length, end: inner.end + open.length };
    }
  }
  return { ...base, start: 0, end: raw.length, example: phrase, kept, suffix: ` ${escapeCell(kept)}` };
}

/** The largest offset in `raw` whose rest shows exactly `note`, or -1. */
function splitBefore(raw: string, note: string, repair: (s: string) => string): number {
  // What is shown is never longer than its Markdown, so the rest starts at
  // least note.length from the end; it starts with the note's first character
  // or with markup (`[#672](…)`, `**`, a code tick, an entity).
  let tries = 0;
  for (let k = raw.length - note.length; k > 0 && tries < 2000; k--) {
    if (raw[k] !== note[0] && !/[*_[<`~\\&!]/.test(raw[k]!)) continue;
    // At a word boundary: after a space, or where the note opens with punctuation (`Done: see`).
    if (!/\s/.test(raw[k - 1]!) && !/^[^\p{L}\p{N}]/u.test(note)) continue;
    tries++;
    if (displayText(raw.slice(k), repair) === note) return k;
  }
  return -1;
}

function trimEndAt(raw: string, at: number): number {
  let e = at;
  while (e > 0 && /\s/.test(raw[e - 1]!)) e--;
  return e;
}

/**
 * The text a style example keeps: the Markdown as written (`**Done**`, a
 * damaged emoji repaired) when it shows just the phrase, else the phrase as
 * shown (never a link).
 */
function example(rawPhrase: string, phrase: string, repair: (s: string) => string): string {
  const plainMarkup = !/\]\(|<[A-Za-z/]/.test(rawPhrase);
  return plainMarkup && displayText(rawPhrase, repair) === phrase ? repair(rawPhrase) : phrase;
}
