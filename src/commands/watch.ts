// plan watch [list|board|summary]: a live view that redraws when the plan
// file changes, until Ctrl-C.
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
import { watch as watchFolder, readFileSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Context } from './context.js';
import type { Filters } from '../query/filter.js';
import { locatePlan } from '../locate.js';
import { displayPath } from '../load.js';
import { PlanError, asPlanError } from '../errors.js';
import { runtime } from '../runtime.js';

export const WATCH_VIEWS = ['list', 'board', 'summary'] as const;
export type WatchView = (typeof WATCH_VIEWS)[number];

/** Quiet time after the last event before redrawing: a save is often several events. */
const DEBOUNCE_MS = 120;

const ESC = '\u001b[';
const ENTER = `${ESC}?1049h${ESC}?25l`;
const LEAVE = `${ESC}?25h${ESC}?1049l`;

async function renderView(view: WatchView, ctx: Context, filters: Filters): Promise<string> {
  const parts: string[] = [];
  const sub: Context = { ...ctx, out: (s) => void parts.push(s), err: (s) => void parts.push(s) };
  try {
    if (view === 'list') await (await import('./list.js')).list(sub, filters);
    else if (view === 'board') await (await import('./board.js')).board(sub, filters);
    else await (await import('./summary.js')).summary(sub, filters);
  } catch (error) {
    // A file that is briefly unreadable (deleted, half-written by another editor) is shown as such; the watch goes on.
    const planError = asPlanError(error);
    if (!planError) throw error;
    parts.push(`plan: ${planError.message}\n`);
  }
  return parts.join('');
}

/** A terminal frame: the view under a title line, cut to the screen's height, drawn over the last one. */
function frame(title: string, body: string, rows: number): string {
  let lines = [title, '', ...body.replace(/\n$/, '').split('\n')];
  if (rows > 0 && lines.length > rows) {
    const hidden = lines.length - (rows - 1);
    lines = [...lines.slice(0, rows - 1), `… ${hidden} more lines (make the terminal taller)`];
  }
  return `${ESC}H${lines.map((l) => `${l}${ESC}K`).join('\n')}${ESC}J`;
}

function readBytes(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

export async function watch(ctx: Context, view: WatchView, filters: Filters): Promise<number> {
  const path = locatePlan(ctx.opts.file);
  const display = displayPath(path);
  const tty = ctx.mode === 'table';
  const stdout = runtime().stdout;
  let last: Buffer | null | undefined;
  let drawing = Promise.resolve();

  const draw = (force = false) => {
    drawing = drawing.then(async () => {
      const bytes = readBytes(path);
      if (!force && last !== undefined && (bytes === last || (bytes && last && bytes.equals(last)))) return;
      last = bytes;
      if (tty) ctx.width = stdout.columns || ctx.width;
      const body = await renderView(view, ctx, filters);
      if (!tty) {
        ctx.out(`${body}\n`);
        return;
      }
      const time = runtime().now().toTimeString().slice(0, 8);
      // The frame's cursor and erase sequences are plan's own: written as they are, around text made safe
      // (the view's colours kept, anything from the file or its name escaped).
      const title = visible(`plan watch ${view}: ${display}  ${time}  (Ctrl-C to quit)`);
      stdout.write(frame(title, visible(body, true), stdout.rows || 0));
    });
  };

  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => draw(), DEBOUNCE_MS);
  };
  const name = basename(path);
  let watcher: FSWatcher;
  try {
    watcher = watchFolder(dirname(path), (_event, file) => {
      if (!file || file === name) schedule();
    });
  } catch (e) {
    throw new PlanError(`${display}: cannot watch its folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const resize = () => draw(true);
  if (tty) {
    stdout.write(ENTER);
    stdout.on('resize', resize);
  }
  draw(true);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    watcher.on('error', stop);
  });
  clearTimeout(timer);
  watcher.close();
  await drawing.catch(() => {});
  if (tty) {
    stdout.off('resize', resize);
    stdout.write(LEAVE);
  }
  return 0;
}
