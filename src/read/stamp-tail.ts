// `Payments - Completed on 2026-02-04 (tests)`, `Tariff cache - Medium priority, tariff module`, `Backups - LOW`:
// a hyphen set apart by spaces, then a status or a priority, stamps the item the way a field would; the words
// before it are the title. A hyphen before other words (`Login - fix the redirect`) leaves the title whole: they
// may be its name's second half as well as a description, and only a stamp says which.

import type { Vocabulary } from '../model/status.js';
import { allMatches } from '../text/all-matches.js';
import { priorityLevel } from './priority.js';
import { withoutEstimate } from './names.js';

/** A hyphen between two spaces, after a word (linear: one character on each side). */
const HYPHEN = /(?<=\S) - (?=\S)/gu;
/** What ends the first part of a tail: a comma, a bracket or a further dash (`Medium priority` in `Medium priority, shared`). */
const PART_END = /[,;(（[—–]| - /u;
/** A priority level alone (`LOW`, `URGENT`, `Medium priority`), not a word that starts with one (`Low-level`). */
const PRIORITY_PART = /^\p{L}+(?: priority)?$/iu;

/** How much of a tail is read for a stamp: its first words (a hostile line of hyphens stays linear). */
const STAMP_HEAD = 60;

/** The title without its stamp, and the notes with it in front. */
export function withoutStamp(title: string, notes: string | null, vocab: Vocabulary): { title: string; notes: string | null } {
  const stamp = stampTailAt(title, vocab);
  if (stamp <= 0) return { title, notes };
  // `Log in. (2 pts) - Completed: OAuth`: an estimate closes the title once its stamp is off.
  return { title: withoutEstimate(title.slice(0, stamp)), notes: [title.slice(stamp + 3), notes].filter(Boolean).join(' ') };
}

/** Where a stamp starts in `title` (the title is what is before it), or -1. */
function stampTailAt(title: string, vocab: Vocabulary): number {
  if (!title.includes(' - ')) return -1;
  let depth = 0;
  let from = 0;
  for (const m of allMatches(HYPHEN, title)) {
    depth = bracketDepth(title, from, m.index, depth);
    from = m.index;
    if (depth === 0 && isStamp(title.slice(m.index + 3, m.index + 3 + STAMP_HEAD), vocab)) return m.index;
  }
  return -1;
}

/**
 * What may follow a status for it to be a stamp: nothing, a mark that ends the part, or a date or a number
 * after at most one short word (`Completed on 2026-02-04`, `Done 3/4`). A status followed by other words
 * names the title's second half (`Fix X - Done right`, `Search - In progress bar redesign`).
 */
const AFTER_STATUS = /^(?:\s*$|\s*[,;:.(（[—–]| - |\s+(?:\p{L}{1,5}\s+)?\d)/u;

function isStamp(tail: string, vocab: Vocabulary): boolean {
  const reading = vocab.read(tail);
  if (reading.status !== 'none') return AFTER_STATUS.test(tail.slice(reading.end));
  const part = tail.split(PART_END, 1)[0]!.trim();
  return PRIORITY_PART.test(part) && priorityLevel(part) !== null;
}

/** The bracket depth after `s[from, to)`, starting from `depth` (never below zero: a stray closer opens nothing). */
export function bracketDepth(s: string, from: number, to: number, depth: number): number {
  let d = depth;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (c === '(' || c === '（' || c === '[') d++;
    else if ((c === ')' || c === '）' || c === ']') && d > 0) d--;
  }
  return d;
}
