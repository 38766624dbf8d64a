// plan undo: takes back plan's own last write to the plan file, through the
// same locked, atomic write as every other write, and only while the file
// still holds exactly what that write produced. --list shows the recent writes.

import type { Context } from './context.js';
import { locatePlanFiles } from '../load/files.js';
import { displayPath, readPlanBytes } from '../load/load.js';
import { PlanError, UsageError } from '../system/errors.js';
import { transact, type TransactOptions } from '../write/transaction.js';
import { digest, Journal, type JournalEntry } from '../write/journal.js';
import { realTarget } from '../write/write.js';
import { applyEdits, type Edit } from '../write/splice.js';
import { encode } from '../text/decode.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { tsv } from '../render/plain.js';

/**
 * The file to undo in: the plan's one file; in a plan of several files, the one
 * plan wrote last (each file keeps its own journal).
 */
function undoTarget(ctx: Context, list: boolean): string {
  const files = locatePlanFiles(ctx.opts.file);
  if (!files.many) return files.paths[0]!;
  if (list) throw new UsageError(`plan undo --list shows one file's writes, and the plan is ${files.paths.length} files; pass one of them with -f <file>`);
  let newest: { path: string; at: string } | null = null;
  for (const path of files.paths) {
    const journal = Journal.forPlan(realTarget(path, displayPath(path)));
    const at = journal.damage ? undefined : journal.last()?.at;
    // On a tie the later file: a command that writes several files (`plan fix`) writes them in the plan's order.
    if (at !== undefined && (!newest || at >= newest.at)) newest = { path, at };
  }
  if (!newest) throw new PlanError(`no write by plan to undo in the ${files.paths.length} files of the plan`);
  return newest.path;
}

export async function undo(ctx: Context, opts: TransactOptions & { list?: boolean }): Promise<number> {
  const path = undoTarget(ctx, !!opts.list);
  const display = displayPath(path);
  const journal = Journal.forPlan(realTarget(path, display));
  if (journal.damage) {
    throw new PlanError(
      `${display}: plan's undo journal ${journal.file} is damaged (${journal.damage}); nothing was undone (plan's next write starts it anew)`,
    );
  }
  if (opts.list) return list(ctx, display, journal, readPlanBytes(path));
  const entry = journal.last();
  if (!entry) throw new PlanError(`${display}: no write by plan to undo (plan undo --list shows the writes plan remembers)`);
  const result = await transact(path, { ...opts, touch: false, undo: true, diff: ctx.mode === 'json' }, ({ bytes, text }) => {
    if (digest(bytes) !== entry.after) {
      throw new PlanError(
        `${display}: the file changed after plan's last write (${describe(entry)}); undo only restores a file that still holds exactly what plan wrote, so nothing was written`,
      );
    }
    const edits = entry.undo.map((u) => ({ start: u.start, end: u.end, expect: text.slice(u.start, u.end), text: u.text }));
    checkRestores(text, edits, entry, display);
    return { edits, value: entry };
  });
  if (ctx.mode === 'json') {
    ctx.out(
      toJson({
        schemaVersion: SCHEMA_VERSION,
        file: display,
        undone: entryJson(entry),
        changed: result.changed,
        written: result.written,
        diff: result.diff || null,
      }),
    );
  } else if (!result.written && result.changed) ctx.out(result.diff);
  else ctx.out(`Undid ${describe(entry)} in ${display}\n`);
  return 0;
}

/** Refuses an entry whose edits would not give back exactly the bytes the file held before that write. */
function checkRestores(text: string, edits: Edit[], entry: JournalEntry, display: string): void {
  let restored: string | null = null;
  try {
    if (edits.every((e) => e.end <= text.length)) restored = applyEdits(text, edits, display);
  } catch {
    // edits that do not fit the file: refused below
  }
  if (restored === null || digest(encode(restored)) !== entry.before) {
    throw new PlanError(
      `${display}: plan's undo journal does not give back what the file held before ${describe(entry)} (it was damaged or changed); nothing was undone`,
    );
  }
}

function describe(e: JournalEntry): string {
  return `\`plan ${e.command}\` at ${localTime(e.at)}`;
}

/** `2026-02-18 14:03:07` in local time. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function entryJson(e: JournalEntry): Record<string, unknown> {
  return { at: e.at, command: `plan ${e.command}`, edits: e.undo.length };
}

/** Newest first; the newest is undoable while the file is as plan left it. */
function list(ctx: Context, display: string, journal: Journal, bytes: Buffer): number {
  const entries = [...journal.entries()].reverse();
  const now = digest(bytes);
  const undoable = (i: number) => i === 0 && entries[0]!.after === now;
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, writes: entries.map((e, i) => ({ ...entryJson(e), undoable: undoable(i) })) }));
    return 0;
  }
  if (entries.length === 0) {
    ctx.err(`plan: ${display}: no writes by plan recorded\n`);
    return 0;
  }
  if (ctx.mode === 'plain') {
    ctx.out(
      tsv(
        ['n', 'at', 'command', 'undoable'],
        entries.map((e, i) => [i + 1, e.at, `plan ${e.command}`, undoable(i) ? 'yes' : 'no']),
      ),
    );
    return 0;
  }
  const lines = entries.map(
    (e, i) => `${String(i + 1).padStart(2)}  ${localTime(e.at)}  plan ${e.command}${undoable(i) ? '  ← plan undo takes this back' : ''}`,
  );
  const note = entries[0]!.after === now ? '' : `(the file changed after plan's last write: nothing can be undone)\n`;
  ctx.out(`${lines.join('\n')}\n${note}`);
  return 0;
}
