// plan merge-driver %O %A %B %P: git's custom merge driver for plan files.
// Leaves the merge in %A (git's file for "ours") and exits 0 when clean, 1
// when conflicts are left between markers. Anything the per-task merge cannot
// handle falls back to git's own line merge, so a merge is never worse than
// without the driver.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from './context.js';
import { PlanError, UsageError } from '../errors.js';
import { git } from '../git/exec.js';
import { mergeFile, type MergeFileOptions } from '../merge/merge-file.js';
import { runtime } from '../runtime.js';

export interface DriverOptions {
  markerSize?: string;
  labelBase?: string;
  labelOurs?: string;
  labelTheirs?: string;
}

export async function mergeDriver(
  ctx: Context,
  basePath: string,
  oursPath: string,
  theirsPath: string,
  name: string | undefined,
  o: DriverOptions,
): Promise<number> {
  const shown = name ?? oursPath;
  const [base, ours, theirs] = [basePath, oursPath, theirsPath].map((f) => readInput(f, shown));
  const opts: MergeFileOptions = {
    labels: { ours: o.labelOurs ?? 'ours', base: o.labelBase ?? 'base', theirs: o.labelTheirs ?? 'theirs' },
    markerSize: markerSize(o.markerSize),
    diff3: /^z?diff3$/i.test(conflictStyle()),
  };
  let result: { bytes: Buffer; conflicts: number; conflicted?: string[] };
  try {
    const { mergePlans } = await import('../merge/plans.js');
    result = await mergePlans(resolve(runtime().cwd(), name ?? oursPath), base!, ours!, theirs!, opts);
  } catch (e) {
    ctx.err(`plan: ${shown}: the per-task merge could not run (${(e as Error).message}); used git's line merge instead\n`);
    result = mergeFile(ours!, base!, theirs!, opts);
  }
  try {
    writeFileSync(resolve(runtime().cwd(), oursPath), result.bytes);
  } catch (e) {
    throw new PlanError(`${shown}: could not write the merge result to ${oursPath} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (result.conflicts === 0) return 0;
  const which = result.conflicted?.length ? `: ${result.conflicted.join(', ')}` : '';
  ctx.err(`plan: ${shown}: ${result.conflicts} ${result.conflicts === 1 ? 'conflict' : 'conflicts'} left between markers${which}\n`);
  return 1;
}

function readInput(file: string, shown: string): Buffer {
  try {
    return readFileSync(resolve(runtime().cwd(), file));
  } catch (e) {
    throw new PlanError(
      `${shown}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); plan merge-driver is run by git as: plan merge-driver %O %A %B %P`,
    );
  }
}

function markerSize(v: string | undefined): number {
  if (v === undefined) return 7;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--marker-size takes a number from 1 to 100 (git's %L); got "${v}"`);
  return n;
}

/** The user's merge.conflictStyle (merge, diff3, zdiff3), as git merge-file would read it. */
function conflictStyle(): string {
  const r = git(['config', '--get', 'merge.conflictStyle'], runtime().cwd());
  return r.status === 0 ? r.stdout.toString('utf8').trim() : 'merge';
}
