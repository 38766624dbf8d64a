// git's own line merge (`git merge-file`), for the text around the tasks,
// and its output read back as clean lines and conflict hunks.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PlanError } from '../system/errors.js';
import { firstLine, git, type GitResult } from '../git/exec.js';

export interface Labels {
  ours: string;
  base: string;
  theirs: string;
}

export interface MergeFileOptions {
  labels: Labels;
  markerSize: number;
  /** Show the base of each conflict (`merge.conflictStyle` diff3 / zdiff3). */
  diff3: boolean;
}

/** `git merge-file -p`: the merged bytes and the number of conflicts. */
export function mergeFile(ours: Uint8Array, base: Uint8Array, theirs: Uint8Array, opts: MergeFileOptions): { bytes: Buffer; conflicts: number } {
  const dir = mkdtempSync(join(tmpdir(), 'plan-merge-'));
  try {
    const files = (['ours', 'base', 'theirs'] as const).map((name, i) => {
      const f = join(dir, name);
      writeFileSync(f, [ours, base, theirs][i]!);
      return f;
    });
    const r = git([...mergeFileArgs(opts), '-p', '--', ...files], dir);
    return { bytes: r.stdout, conflicts: conflictsOf(r) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `git merge-file` on the files themselves, the result written into `ours`
 * (as git's own merge does): for inputs too large to read into memory.
 * Returns the number of conflicts.
 */
export function mergeFileInPlace(ours: string, base: string, theirs: string, opts: MergeFileOptions): number {
  return conflictsOf(git([...mergeFileArgs(opts), '--', ours, base, theirs], dirname(ours)));
}

function mergeFileArgs(opts: MergeFileOptions): string[] {
  const args = ['merge-file', `--marker-size=${opts.markerSize}`, '-L', opts.labels.ours, '-L', opts.labels.base, '-L', opts.labels.theirs];
  if (opts.diff3) args.push('--diff3');
  return args;
}

/** merge-file exits with the number of conflicts, or a negative value (255) on error. */
function conflictsOf(r: GitResult): number {
  if (r.status < 0 || r.status > 127) throw new PlanError(`git merge-file failed (${firstLine(r.stderr) || `exit ${r.status}`})`);
  return r.status;
}

export type Hunk = { type: 'clean'; lines: string[] } | { type: 'conflict'; ours: string[]; base: string[]; theirs: string[] };

/** Lines with their endings. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', at)) {
    lines.push(text.slice(at, nl + 1));
    at = nl + 1;
  }
  if (at < text.length) lines.push(text.slice(at));
  return lines;
}

/** Reads `merge-file --diff3` output made with these labels and marker size. */
export function parseHunks(text: string, labels: Labels, markerSize: number): Hunk[] {
  const marker = (c: string, label?: string) => new RegExp(`^${c.repeat(markerSize)}${label === undefined ? '' : ` ${escapeRegExp(label)}`}\\r?\\n?$`);
  const open = marker('<', labels.ours);
  const mid = marker('\\|', labels.base);
  const sep = marker('=');
  const close = marker('>', labels.theirs);
  const hunks: Hunk[] = [];
  let clean: string[] = [];
  let side: 'ours' | 'base' | 'theirs' | null = null;
  let conflict: Extract<Hunk, { type: 'conflict' }> | null = null;
  for (const line of splitLines(text)) {
    if (side === null && open.test(line)) {
      if (clean.length) hunks.push({ type: 'clean', lines: clean });
      clean = [];
      conflict = { type: 'conflict', ours: [], base: [], theirs: [] };
      side = 'ours';
    } else if (side === 'ours' && mid.test(line)) side = 'base';
    else if ((side === 'ours' || side === 'base') && sep.test(line)) side = 'theirs';
    else if (side === 'theirs' && close.test(line)) {
      hunks.push(conflict!);
      side = null;
    } else if (side === null) clean.push(line);
    else conflict![side].push(line);
  }
  if (side !== null) throw new PlanError('git merge-file: unterminated conflict in its output');
  if (clean.length) hunks.push({ type: 'clean', lines: clean });
  return hunks;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
