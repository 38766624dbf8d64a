// plan merge-driver --marker-size %L -- %O %A %B %P: git's custom merge
// driver for plan files. Leaves the merge in %A (git's file for "ours") and
// exits 0 when clean, 1 when conflicts are left between markers. Anything the
// per-task merge cannot handle (inputs over the size limit too) falls back to
// git's own line merge, so a merge is never worse than without the driver.

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from './context.js';
import { PlanError, UsageError } from '../system/errors.js';
import { git } from '../git/exec.js';
import { mergeFileInPlace, type MergeFileOptions } from '../merge/merge-file.js';
import { displayPath, maxBytes } from '../load/load.js';
import { runtime } from '../system/runtime.js';

export interface DriverOptions {
  markerSize?: string;
  labelBase?: string;
  labelOurs?: string;
  labelTheirs?: string;
}

export async function mergeDriver(
  ctx: Context,
  baseArg: string,
  oursArg: string,
  theirsArg: string,
  name: string | undefined,
  o: DriverOptions,
): Promise<number> {
  const shown = name ?? oursArg;
  // Relative to the command's folder (an in-process run has its own, not the process's).
  const [basePath, oursPath, theirsPath] = [baseArg, oursArg, theirsArg].map((f) => resolve(runtime().cwd(), f)) as [string, string, string];
  const opts: MergeFileOptions = {
    labels: { ours: o.labelOurs ?? 'ours', base: o.labelBase ?? 'base', theirs: o.labelTheirs ?? 'theirs' },
    markerSize: markerSize(o.markerSize),
    diff3: /^z?diff3$/i.test(conflictStyle()),
  };
  const max = maxBytes();
  let result: { conflicts: number; conflicted?: string[] };
  if ([basePath, oursPath, theirsPath].some((f) => sizeOf(f, shown) > max)) {
    // Too large to read into memory: git merges the files where they are.
    ctx.err(`plan: ${shown}: larger than plan reads (${sizeText(max)}; PLAN_MAX_BYTES); used git's line merge instead\n`);
    result = { conflicts: mergeFileInPlace(oursPath, basePath, theirsPath, opts) };
  } else result = await mergeInMemory(ctx, [basePath, oursPath, theirsPath], name, shown, opts);
  if (result.conflicts === 0) return 0;
  const which = result.conflicted?.length ? `: ${result.conflicted.join(', ')}` : '';
  ctx.err(`plan: ${shown}: ${result.conflicts} ${result.conflicts === 1 ? 'conflict' : 'conflicts'} left between markers${which}\n`);
  return 1;
}

/** The per-task merge, else git's line merge of the same bytes; the result written into ours' file. */
async function mergeInMemory(
  ctx: Context,
  [basePath, oursPath, theirsPath]: string[],
  name: string | undefined,
  shown: string,
  opts: MergeFileOptions,
): Promise<{ conflicts: number; conflicted?: string[] }> {
  const [base, ours, theirs] = [basePath!, oursPath!, theirsPath!].map((f) => readInput(f, shown));
  const { mergeVersions } = await import('../merge/plans.js');
  const result = await mergeVersions(resolve(runtime().cwd(), name ?? oursPath!), base!, ours!, theirs!, opts, (why) =>
    ctx.err(`plan: ${shown}: the per-task merge could not run (${why}); used git's line merge instead\n`),
  );
  try {
    writeFileSync(oursPath!, result.bytes);
  } catch (e) {
    throw new PlanError(`${shown}: could not write the merge result to ${oursPath} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return result;
}

function sizeOf(file: string, shown: string): number {
  try {
    return statSync(file).size;
  } catch (e) {
    throw cannotRead(file, shown, e);
  }
}

function readInput(file: string, shown: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw cannotRead(file, shown, e);
  }
}

function cannotRead(file: string, shown: string, e: unknown): PlanError {
  return new PlanError(
    `${shown}: cannot read ${displayPath(file)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); plan merge-driver is run by git as: plan merge-driver --marker-size %L -- %O %A %B %P`,
  );
}

function sizeText(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(0)} MB` : `${n} bytes`;
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
