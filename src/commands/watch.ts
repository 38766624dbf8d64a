// plan watch [list|board|summary]: a live view that redraws when the plan
// file changes, until q or Ctrl-C (or any signal that ends it: the terminal is
// restored on every way out).
//
// The file is the one found at the start: when it is deleted (a checkout
// replacing it) the view says so and comes back with it, never showing another
// file discovery would find. A symbolic link is watched at both ends: the link's
// folder (the link re-pointed) and its target's (the target edited).
//
// The *folder* is watched, not the file: editors, git, `sed -i` and plan's own
// writes replace the file by renaming a new one over it, and a watch on the
// old file would see nothing after the first replacement. Events are
// debounced, and a frame is drawn only when the file's bytes differ from the
// ones last drawn, so one change redraws once. On a terminal the view is drawn
// in the alternate screen, over the previous frame (cursor home, each line
// cleared to its end) rather than after clearing the screen, so it does not
// flicker; piped, each change prints a new snapshot.

import { visible } from '../text/visible.js';
import type { Context, GlobalOptions } from './context.js';
import type { Filters } from '../query/filter.js';
import { locatePlanFiles } from '../load/files.js';
import { displayPath } from '../load/load.js';
import { PlanError, asPlanError } from '../system/errors.js';
import { readFileBytes } from '../fs/read.js';
import { cut } from '../render/fit.js';
import { textWidth } from '../text/width.js';
import { runtime } from '../system/runtime.js';
import { fileState, followPlanFiles, sameState, Watchers, type PlanState, type WatchedNames } from '../load/watcher.js';

export const WATCH_VIEWS = ['list', 'board', 'summary'] as const;
export type WatchView = (typeof WATCH_VIEWS)[number];

/** Quiet time after the last event before redrawing: a save is often several events. */
const DEBOUNCE_MS = 120;

const ESC = '\u001b[';
const ENTER = `${ESC}?1049h${ESC}?25l`;
const LEAVE = `${ESC}?25h${ESC}?1049l`;

/** What the watch follows: the plan's one file, or the files of a plan of several, found again at each change. */
interface Followed {
  /** The plan as the title names it. */
  display: string;
  /** The -f a frame's view is drawn with. */
  file: string | readonly string[] | undefined;
  /** What two frames compare: each file's bytes, or why there are none (of several files, which files too). */
  state(): PlanState;
  /** What to watch (see Watchers). */
  watched: string | (() => WatchedNames);
  /** The line a frame shows instead of the view when it cannot be drawn. */
  trouble(e: PlanError): string;
}

/** The file found at the start, never one discovery finds later. */
function oneFile(path: string): Followed {
  return {
    display: displayPath(path),
    file: path,
    state: () => [fileState(path)],
    watched: path,
    trouble: (e) => (gone(path) ? `${displayPath(path)} is gone (deleted or moved); the view comes back when it does` : e.message),
  };
}

/** The files -f, $PLAN_FILE or `.planrc.json` name, found again at each change: a file added to a folder is shown, one removed is not. */
function severalFiles(explicit: GlobalOptions['file'], display: string): Followed {
  const follow = followPlanFiles(explicit);
  return { display, file: explicit, state: follow.state, watched: follow.watched, trouble: (e) => e.message };
}

async function renderView(view: WatchView, ctx: Context, filters: Filters, followed: Followed): Promise<string> {
  const parts: string[] = [];
  const sub: Context = { ...ctx, opts: { ...ctx.opts, file: followed.file }, out: (s) => void parts.push(s), err: (s) => void parts.push(s) };
  try {
    if (view === 'list') await (await import('./list.js')).list(sub, filters);
    else if (view === 'board') await (await import('./board.js')).board(sub, filters);
    else await (await import('./summary.js')).summary(sub, filters);
  } catch (error) {
    // A file that is briefly unreadable (deleted, half-written by another editor) is shown as such; the watch goes on.
    const planError = asPlanError(error);
    if (!planError) throw error;
    parts.push(`plan: ${followed.trouble(planError)}\n`);
  }
  return parts.join('');
}

/** A terminal frame: the view under a title line, cut to the screen's height, drawn over the last one. */
function gone(path: string): boolean {
  const r = readFileBytes(path, { max: 0 });
  return !('bytes' in r) && r.failure === 'missing';
}

function frame(title: string, body: string, rows: number): string {
  let lines = [title, '', ...body.replace(/\n$/, '').split('\n')];
  if (rows > 0 && lines.length > rows) {
    const hidden = lines.length - (rows - 1);
    lines = [...lines.slice(0, rows - 1), `… ${hidden} more lines (make the terminal taller)`];
  }
  return `${ESC}H${lines.map((l) => `${l}${ESC}K`).join('\n')}${ESC}J`;
}

/** The title line, cut to `width` columns with the way out kept in view. */
function titleLine(view: WatchView, display: string, width: number): string {
  const hint = '  (q to quit)';
  const text = visible(`plan watch ${view}: ${display}  ${runtime().now().toTimeString().slice(0, 8)}`);
  if (width <= 0) return text + hint;
  const room = width - textWidth(hint);
  return room >= 10 ? cut(text, room) + hint : cut(text + hint, width);
}

/**
 * Waits for q, Ctrl-C or Ctrl-D on the terminal (`keys`, in raw mode) or a signal that ends
 * a program; `setStop` gets the function that ends the wait, for others to call.
 */
function untilQuit(keys: NodeJS.ReadStream | null, setStop: (stop: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;
    const onKey = (data: Buffer) => {
      // q, Q, Ctrl-C, Ctrl-D: in raw mode Ctrl-C is a key, not a signal.
      if (/[qQ\u0003\u0004]/.test(data.toString('latin1'))) stop();
    };
    const stop = () => {
      for (const s of signals) process.off(s, stop);
      keys?.off('data', onKey);
      resolve();
    };
    setStop(stop);
    for (const s of signals) process.on(s, stop);
    if (keys) {
      keys.setRawMode(true);
      keys.on('data', onKey);
      keys.resume();
    }
  });
}

export async function watch(ctx: Context, view: WatchView, filters: Filters): Promise<number> {
  const files = locatePlanFiles(ctx.opts.file);
  // The joining code is loaded only for a plan of several files: one file's watch starts as it did.
  const followed = files.many ? severalFiles(ctx.opts.file, (await import('../load/plan-set.js')).commonFolder(files.paths)) : oneFile(files.paths[0]!);
  const { display } = followed;
  const tty = ctx.mode === 'table';
  const stdout = runtime().stdout;
  let last: PlanState | undefined;
  let drawing = Promise.resolve();

  const draw = (force = false) => {
    drawing = drawing.then(async () => {
      try {
        watchers.follow();
      } catch {
        // a folder that cannot be watched now (gone mid-checkout): the others still are
      }
      const state = followed.state();
      if (!force && last !== undefined && sameState(state, last)) return;
      last = state;
      if (tty) ctx.width = stdout.columns || ctx.width;
      const body = await renderView(view, ctx, filters, followed);
      if (!tty) {
        ctx.out(`${body}\n`);
        return;
      }
      // The frame's cursor and erase sequences are plan's own: written as they are, around text made safe
      // (the view's colours kept, anything from the file or its name escaped).
      stdout.write(frame(titleLine(view, display, stdout.columns || 0), visible(body, true), stdout.rows || 0));
    });
  };

  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => draw(), DEBOUNCE_MS);
  };
  let stop: () => void = () => {};
  const watchers = new Watchers(
    followed.watched,
    () => schedule(),
    () => stop(),
  );
  try {
    watchers.follow();
  } catch (e) {
    watchers.close();
    throw new PlanError(`${display}: cannot watch its folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const resize = () => draw(true);
  const restore = () => {
    if (tty) stdout.write(LEAVE);
  };
  if (tty) {
    stdout.write(ENTER);
    stdout.on('resize', resize);
    // Whatever ends the process, the terminal gets its screen and cursor back.
    process.once('exit', restore);
  }
  draw(true);

  const keys = tty && (runtime().stdin as NodeJS.ReadStream).isTTY ? (runtime().stdin as NodeJS.ReadStream) : null;
  await untilQuit(keys, (f) => {
    stop = f;
  });
  clearTimeout(timer);
  watchers.close();
  await drawing.catch(() => {});
  if (keys) {
    keys.setRawMode(false);
    keys.pause();
  }
  if (tty) {
    stdout.off('resize', resize);
    process.off('exit', restore);
    restore();
  }
  return 0;
}
