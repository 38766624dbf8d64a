// The unified diff of a write, computed from its edits: only the lines around
// each edit are compared, so a one-cell change in a 10,000-row plan costs no
// more than in a ten-row one. The output is what jsdiff's createTwoFilesPatch
// gives for the whole files (a test holds it to that).

import { LineIndex } from '../text/lines.js';
import type { Edit } from './splice.js';

const CONTEXT = 3;

export async function unifiedDiff(name: string, before: string, after: string, edits: Edit[]): Promise<string> {
  const { structuredPatch, formatPatch } = await import('diff');
  const [a, b] = name.startsWith('/') ? [name, name] : [`a/${name}`, `b/${name}`];
  if (edits.length === 0) return formatPatch(structuredPatch(a, b, before, after, undefined, undefined, { context: CONTEXT }));
  const index = new LineIndex(before);
  // jsdiff's line count (a final line break ends the last line, it starts no empty one); lines are numbered from 0 here.
  const lines = index.count - (before.endsWith('\n') ? 1 : 0);
  const lineOf = (x: number) => Math.min(index.line(x), lines) - 1;
  const lineStart = (k: number) => index.lineStart(k + 1);
  const sorted = [...edits].sort((x, y) => x.start - y.start);
  // Line ranges the edits touch, merged when their contexts would meet.
  const ranges: { from: number; to: number; edits: Edit[] }[] = [];
  for (const e of sorted) {
    const from = lineOf(e.start);
    const to = lineOf(Math.max(e.start, e.end - 1));
    const last = ranges[ranges.length - 1];
    if (last && from - last.to - 1 <= 2 * CONTEXT) {
      last.to = Math.max(last.to, to);
      last.edits.push(e);
    } else ranges.push({ from, to, edits: [e] });
  }
  const hunks = [];
  let shiftChars = 0; // length change of the edits before the window
  let shiftLines = 0; // line count change of the edits before the window
  for (const r of ranges) {
    const w0 = Math.max(0, r.from - CONTEXT);
    const w1 = Math.min(lines - 1, r.to + CONTEXT);
    const A = lineStart(w0);
    const B = w1 + 1 < lines ? lineStart(w1 + 1) : before.length;
    let grow = 0;
    let growLines = 0;
    for (const e of r.edits) {
      grow += e.text.length - (e.end - e.start);
      growLines += count(e.text) - count(before.slice(e.start, e.end));
    }
    const oldPart = before.slice(A, B);
    const newPart = after.slice(A + shiftChars, B + shiftChars + grow);
    const patch = structuredPatch(a, b, oldPart, newPart, undefined, undefined, { context: CONTEXT });
    for (const h of patch.hunks) hunks.push({ ...h, oldStart: h.oldStart + w0, newStart: h.newStart + w0 + shiftLines });
    shiftChars += grow;
    shiftLines += growLines;
  }
  return formatPatch({ oldFileName: a, newFileName: b, oldHeader: undefined, newHeader: undefined, hunks });
}

function count(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
