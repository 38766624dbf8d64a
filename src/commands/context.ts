// What every command gets: the global options, output streams, and the plan.

import { locatePlan } from '../load/locate.js';
import { loadPlan, type Loaded } from '../load/load.js';
import { midMerge } from '../read/merge-conflict.js';
import { outputMode, terminalWidth, type OutputMode } from '../render/mode.js';
import { jsonVisible, visible } from '../text/visible.js';
import { visiblePlan } from '../render/visible.js';
import { runtime } from '../system/runtime.js';

export interface GlobalOptions {
  file?: string;
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

/** Locates and loads the plan, printing its read warnings on stderr. */
/** `lazy`: a cached model's tasks are read as they are used (loadPlan), for a command that reads a few of many. */
export async function openPlan(ctx: Context, lazy = false): Promise<Loaded> {
  const loaded = await loadPlan(locatePlan(ctx.opts.file), lazy);
  // Escaped before the views measure and colour it.
  if (ctx.mode === 'table') {
    loaded.plan = visiblePlan(loaded.plan);
    loaded.display = loaded.plan.file;
  }
  const { plan, display } = loaded;
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
  return loaded;
}
