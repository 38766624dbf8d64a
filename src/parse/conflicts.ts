// Unresolved merge conflicts: `<<<<<<< ours` … `=======` … `>>>>>>> theirs`
// (with `||||||| base` between, in diff3 style), as git leaves them in a file
// mid-merge. The marker lines are not Markdown: both parsers read the text
// with them (and a diff3 base section, which is neither side) left out, so a
// table split by markers keeps its columns on both sides, and both sides'
// tasks read as they stand. Offsets in the blocks are mapped back to the file.

import type { Block } from './blocks.js';

export interface Conflict {
  /** 1-based line of the `<<<<<<<` marker. */
  line: number;
  ours: string;
  theirs: string;
}

interface Cut {
  start: number;
  end: number;
}

/** A marker line: a run of 7 or more of one character, then nothing or a space and a label. */
const MARKER = /^(<{7,}|\|{7,}|={7,}|>{7,})(?:[ \t](.*))?\r?$/;

interface Line {
  start: number;
  /** After the line break. */
  next: number;
  kind: '<' | '|' | '=' | '>' | null;
  size: number;
  label: string;
}

function* lines(text: string): Generator<Line> {
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const next = nl === -1 ? text.length : nl + 1;
    const c = text[start];
    const m = c === '<' || c === '|' || c === '=' || c === '>' ? MARKER.exec(text.slice(start, end)) : null;
    const kind = m ? (m[1]![0] as Line['kind']) : null;
    // Trimmed here, not in the expression: `[ \t]+(.*?)[ \t]*` backtracks quadratically on a long run of spaces.
    const label = m ? (m[2] ?? '').trim() : '';
    // `=======` has no label (a label makes it text); the others may have one.
    const ok = m && !(kind === '=' && label);
    yield { start, next, kind: ok ? kind : null, size: ok ? m![1]!.length : 0, label: ok ? label : '' };
    start = next;
  }
}

/**
 * The conflicts of a text and the lines to leave out when reading it: each
 * marker line, and a diff3 base section. Only a whole `<<<` … `===` … `>>>`
 * of one marker size is a conflict (a lone `=======` underlines a heading).
 */
export function findConflicts(text: string): { conflicts: Conflict[]; cuts: Cut[] } {
  const conflicts: Conflict[] = [];
  const cuts: Cut[] = [];
  if (!/^(?:<{7}|={7}|>{7})/m.test(text)) return { conflicts, cuts };
  let open: { line: number; ours: string; size: number; cuts: Cut[]; base: number | null; split: boolean } | null = null;
  let n = 0;
  for (const l of lines(text)) {
    n++;
    if (l.kind === '<') open = { line: n, ours: l.label, size: l.size, cuts: [{ start: l.start, end: l.next }], base: null, split: false };
    else if (!open || l.size !== open.size) continue;
    else if (l.kind === '|' && !open.split && open.base === null) open.base = l.start;
    else if (l.kind === '=' && !open.split) {
      open.cuts.push({ start: open.base ?? l.start, end: l.next });
      open.split = true;
    } else if (l.kind === '>' && open.split) {
      cuts.push(...open.cuts, { start: l.start, end: l.next });
      conflicts.push({ line: open.line, ours: open.ours || 'ours', theirs: l.label || 'theirs' });
      open = null;
    }
  }
  return { conflicts, cuts };
}

/** The text without the cut lines, and where an offset of it lies in the whole text. */
export function cutLines(text: string, cuts: readonly Cut[]): { text: string; map: (x: number) => number } {
  const parts: string[] = [];
  const at: number[] = []; // where each cut sits in the shorter text
  const before: number[] = []; // characters cut up to and including each cut
  let from = 0;
  let removed = 0;
  for (const c of cuts) {
    parts.push(text.slice(from, c.start));
    at.push(c.start - removed);
    removed += c.end - c.start;
    before.push(removed);
    from = c.end;
  }
  parts.push(text.slice(from));
  const map = (x: number): number => {
    // The last cut at or before x (a block starting right after a cut starts after it in the file).
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? x : x + before[lo - 1]!;
  };
  return { text: parts.join(''), map };
}

/** The blocks with every offset (each `start` and `end`, at any depth) mapped. */
export function mapBlocks(blocks: Block[], map: (x: number) => number): Block[] {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = (k === 'start' || k === 'end') && typeof x === 'number' ? map(x) : walk(x);
    return out;
  };
  return blocks.map((b) => walk(b) as Block);
}
