// What every command gets: the global options, output streams, and the plan.

import { locatePlanFiles } from '../load/files.js';
import { loadPlan, type Loaded } from '../load/load.js';
import { midMerge } from '../read/merge-conflict.js';
import { outputMode, terminalWidth, type OutputMode } from '../render/mode.js';
import { jsonVisible, visible } from '../text/visible.js';
import { visiblePlan } from '../render/visible.js';
import { runtime } from '../system/runtime.js';
import type { Plan } from '../model/types.js';
import type { Filters } from '../query/filter.js';

export interface GlobalOptions {
  /** Every -f given, in order. */
  file?: string | readonly string[];
  json?: boolean;
  plain?: boolean;
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
}

export function makeContext(opts: GlobalOptions): Context {
  const mode = outputMode(opts);
  return {
    opts,
    mode,
    width: terminalWidth(),
    // The choke points: nothing from a file reaches the terminal raw. Only the
    // views colour, and they are given escaped text (openPlan).
    out: (s) => void runtime().stdout.write(mode === 'json' ? jsonVisible(s) : visible(s, mode === 'table')),
    err: (s) => void runtime().stderr.write(visible(s)),
  };
}

/** The plan's files loaded as one plan; a file that cannot be read is one line on stderr, and the command then fails. */
async function loadFiles(ctx: Context): Promise<Loaded> {
  const files = locatePlanFiles(ctx.opts.file);
  if (!files.many) return loadPlan(files.paths[0]!);
  const { loadPlanSet } = await import('../load/plan-set.js');
  const set = await loadPlanSet(files);
  for (const f of set.failures) ctx.err(`plan: ${f}\n`);
  if (set.failures.length) ctx.failed = true;
  return set.loaded;
}

/** Locates and loads the plan, printing its read warnings on stderr; `filters.in` must name a file of it. */
export async function openPlan(ctx: Context, filters: Filters = {}): Promise<Loaded> {
  const loaded = await loadFiles(ctx);
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
