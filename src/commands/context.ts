// What every command gets: the global options, output streams, and the plan.

import { locatePlanFiles, type PlanFiles } from '../load/files.js';
import { loadPlan, type Loaded } from '../load/load.js';
import { loadPlanSet, type PlanSet } from '../load/plan-set.js';
import { asPlanError } from '../system/errors.js';
import { midMerge } from '../read/merge-conflict.js';
import { outputMode, terminalWidth, type OutputMode } from '../render/mode.js';
import { jsonVisible, visible } from '../text/visible.js';
import { visiblePlan } from '../render/visible.js';
import { runtime } from '../system/runtime.js';
import type { Plan, PlanPart } from '../model/types.js';
import type { Filters } from '../query/filter.js';
import { Pager } from '../system/pager.js';

export interface GlobalOptions {
  /** Every -f given, in order. */
  file?: string | readonly string[];
  json?: boolean;
  plain?: boolean;
  table?: boolean;
  /** false with --no-pager. */
  pager?: boolean;
  color?: boolean;
  debug?: boolean;
}

export interface Context {
  opts: GlobalOptions;
  mode: OutputMode;
  width: number;
  out: (s: string) => void;
  err: (s: string) => void;
  /** Some file of the plan could not be read (reported on stderr): the command ends with exit 1. */
  failed?: boolean;
  /** Writes what a paged view held back (src/render/pager.ts); nothing to do otherwise. */
  flush?: () => Promise<void>;
}

/** `paged`: the command's terminal view may go through the pager (not live views, not writes). */
export function makeContext(opts: GlobalOptions, paged = false): Context {
  const mode = outputMode(opts);
  const rt = runtime();
  // The choke points: nothing from a file reaches the terminal raw. Only the
  // views colour, and they are given escaped text (openPlan).
  const safe = (s: string) => (mode === 'json' ? jsonVisible(s) : visible(s, mode === 'table'));
  const pager = paged && mode === 'table' && rt.isTTY && opts.pager !== false ? new Pager(rt) : null;
  return {
    opts,
    mode,
    width: terminalWidth(),
    out: pager ? (s) => pager.hold(safe(s)) : (s) => void rt.stdout.write(safe(s)),
    err: (s) => void rt.stderr.write(visible(s)),
    ...(pager ? { flush: () => pager.flush() } : {}),
  };
}

/** The plan's files loaded as one plan (in the main bundle: a lazy one would start Node's ES-module loader, about 8 ms), a file that cannot be read is one line on stderr, and the command then fails. */
async function loadFiles(ctx: Context, lazy: boolean): Promise<Loaded> {
  const files = locatePlanFiles(ctx.opts.file);
  if (!files.many) return loadPlan(files.paths[0]!, lazy);
  return (await openPlanSet(ctx, files)).loaded;
}

/** One line on stderr for a file of the plan that could not be read or written; the command then ends with exit 1. */
function fileFailed(ctx: Context, message: string): void {
  ctx.err(`plan: ${message}\n`);
  ctx.failed = true;
}

/** A plan of several files loaded, each file that could not be read said on stderr (the command then fails); `whole`: see loadPlanSet. */
export async function openPlanSet(ctx: Context, files: PlanFiles, whole = false): Promise<PlanSet> {
  const set = await loadPlanSet(files, whole);
  for (const f of set.failures) fileFailed(ctx, f);
  return set;
}

/** `work` on each file of a plan of several files in turn: one it refuses (a PlanError) is a line on stderr, and the others go on. */
export async function eachFile<T>(ctx: Context, parts: readonly PlanPart[], work: (part: PlanPart) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const part of parts) {
    try {
      out.push(await work(part));
    } catch (e) {
      const refused = asPlanError(e);
      if (!refused) throw e;
      fileFailed(ctx, refused.message);
    }
  }
  return out;
}

/**
 * Locates and loads the plan, printing its read warnings on stderr; `filters.in` must name a file of it.
 * `lazy`: a cached model's tasks are read as they are used (loadPlan), for a command that reads a few of many.
 */
export async function openPlan(ctx: Context, filters: Filters = {}, lazy = false): Promise<Loaded> {
  const loaded = await loadFiles(ctx, lazy);
  if (filters.in !== undefined) (await import('../query/resolve.js')).checkIn(loaded.plan, filters.in, loaded.display);
  // Escaped before the views measure and colour it.
  if (ctx.mode === 'table') {
    loaded.plan = visiblePlan(loaded.plan);
    loaded.display = loaded.plan.file;
  }
  // A plan of several files: each file's warnings, naming that file (stderr is escaped by ctx.err).
  if (loaded.plan.parts) for (const part of loaded.plan.parts) readWarnings(ctx, part.plan, part.file);
  else readWarnings(ctx, loaded.plan, loaded.display);
  return loaded;
}

/** What reading one file warns of, on stderr. */
function readWarnings(ctx: Context, plan: Plan, display: string): void {
  if (plan.invalidUtf8) {
    ctx.err(`plan: warning: ${display}: contains bytes that are not valid UTF-8; they are shown as \uFFFD\n`);
  }
  const merging = midMerge(plan);
  if (merging) {
    const more = merging.count > 1 ? ` and ${merging.count - 1} more` : '';
    ctx.err(
      `plan: warning: ${display}:${merging.line}: ${merging.message}${more}: the file is mid-merge; both sides' tasks are shown, and writes are refused until it is resolved\n`,
    );
  }
  for (const p of plan.problems) {
    if (p.code.startsWith('front-matter') || p.code === 'config' || p.code === 'status-map' || p.code === 'too-deep') {
      ctx.err(`plan: warning: ${display}:${p.line}: ${p.message}\n`);
    }
  }
}
