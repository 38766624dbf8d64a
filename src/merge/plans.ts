// The merge of three versions of a plan: tasks merged part by part (see
// task-merge.ts), everything else by git's own line merge, a date stamp both
// sides refreshed to the later date. Every byte of the result comes from one
// of the versions, and nothing either side wrote is left out.

import { buildFromText } from '../load/load.js';
import { decode, encode } from '../text/decode.js';
import { PlanError } from '../system/errors.js';
import { segmentsOf, type Segment } from './segments.js';
import { keyTasks } from './keys.js';
import { outcomes } from './outcomes.js';
import { Tokens } from './placeholders.js';
import { mergeFile, parseHunks, type Labels, type MergeFileOptions } from './merge-file.js';
import { Assembly } from './assembly.js';
import { stampLines, type Stamp } from './dates.js';

export interface MergeResult {
  bytes: Buffer;
  /** Conflicts left in the result (each between markers). */
  conflicts: number;
  /** The tasks in conflict, as `id (line n)`. */
  conflicted: string[];
}

/**
 * The marker size of git's line merge inside: its labels hold the random
 * token, but its separator is a bare run of `=`, so no line of the texts may
 * be a run of that length.
 */
function innerMarkerSize(texts: string[]): number {
  const taken = new Set<number>();
  for (const t of texts) for (const m of t.matchAll(/^=+(?=\r?$)/gm)) taken.add(m[0].length);
  let n = 41;
  while (taken.has(n)) n++;
  return n;
}

/**
 * The per-task merge, else (when it cannot run on these versions) git's line
 * merge of the same bytes, with `fellBack` told why: what the driver runs.
 */
export async function mergeVersions(
  path: string,
  base: Buffer,
  ours: Buffer,
  theirs: Buffer,
  opts: MergeFileOptions,
  fellBack: (why: string) => void,
): Promise<MergeResult> {
  try {
    return await mergePlans(path, base, ours, theirs, opts);
  } catch (e) {
    fellBack((e as Error).message);
    return { ...mergeFile(ours, base, theirs, opts), conflicted: [] };
  }
}

export async function mergePlans(path: string, base: Buffer, ours: Buffer, theirs: Buffer, opts: MergeFileOptions): Promise<MergeResult> {
  const texts = [base, ours, theirs].map((b) => decode(b));
  const plans = await Promise.all(texts.map((t) => buildFromText(path, t.text, t.escaped)));
  const segs = texts.map((t, i) => segmentsOf(t.text, plans[i]!));
  if (segs.some((s) => s === null)) throw new PlanError('two tasks share a line');
  const [o, a, b] = segs as [Segment[], Segment[], Segment[]];
  const keyed = keyTasks(o, a, b);
  const tokens = new Tokens(texts.map((t) => t.text));
  const stamps = texts.map((t, i) => stampLines(t.text, plans[i]!, segs[i]!));
  const keysOf = [o.map((_, i) => `o${i}`), keyed.oursOrder, keyed.theirsOrder];
  const [mo, ma, mb] = texts.map((t, i) => tokens.mask(t.text, segs[i]!, keysOf[i]!));
  const inner: Labels = { ours: `${tokens.token}ours`, base: `${tokens.token}base`, theirs: `${tokens.token}theirs` };
  const markerSize = innerMarkerSize([mo!, ma!, mb!]);
  const lines = mergeFile(encode(ma!), encode(mo!), encode(mb!), { labels: inner, markerSize, diff3: true });
  const hunks = parseHunks(decode(lines.bytes).text, inner, markerSize);
  const assembly = new Assembly(keyed, outcomes(keyed), tokens, stamps as [Map<string, Stamp>, Map<string, Stamp>, Map<string, Stamp>], opts, plans[1]!.eol);
  for (const h of hunks) assembly.add(h);
  const text = assembly.finish();
  if (text.includes(tokens.token)) throw new PlanError('a placeholder survived the merge');
  return { bytes: encode(text), conflicts: assembly.conflicts, conflicted: assembly.conflicted };
}
