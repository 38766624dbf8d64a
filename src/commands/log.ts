// plan log [id]: the task changes of every commit that touched the plan.

import { eachFile, openPlanSet, type Context } from './context.js';
import { locatePlanFiles, type PlanFiles } from '../load/files.js';
import { displayPath } from '../load/load.js';
import type { Filters } from '../query/filter.js';
import { filterTasks } from '../query/filter.js';
import { idInFile, idKey } from '../read/ids.js';
import { mergeLogs } from '../history/files.js';
import { planLog, type LogEntry } from '../history/log.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';

export interface LogOptions {
  since?: string;
}

export async function log(ctx: Context, id: string | undefined, filters: Filters, opts: LogOptions): Promise<number> {
  const files = locatePlanFiles(ctx.opts.file);
  const { display, all, names } = files.many ? await severalLogs(ctx, files, opts.since) : await oneLog(files.paths[0]!, opts.since);
  const narrowed = id !== undefined || Object.keys(filters).length > 0;
  const entries = narrowed ? all.map((e) => ({ ...e, changes: only(e, id, filters, names) })).filter((e) => e.changes.length > 0) : all;
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, commits: entries.map(commitJson) }));
    return 0;
  }
  const { logLines, logTsv } = await import('../render/history.js');
  if (ctx.mode === 'plain') ctx.out(logTsv(entries));
  else ctx.out(logLines(entries, true, !narrowed));
  if (entries.length === 0) {
    const none = files.many ? "no commit touched the plan's files" : 'no commit touched this file';
    ctx.err(`plan: ${display}: ${all.length === 0 ? none : 'no task changes'}${narrowed ? ' match' : ''}${opts.since ? ` since ${opts.since}` : ''}\n`);
  }
  return 0;
}

interface Logs {
  display: string;
  all: LogEntry[];
  /** A plan of several files: each file's name (`sprint2.md`), by its path as shown, for `sprint2.md#1.3`. */
  names?: Map<string, string>;
}

async function oneLog(path: string, since: string | undefined): Promise<Logs> {
  const display = displayPath(path);
  return { display, all: await planLog(path, display, since) };
}

/** Each file's history, merged by time; a file that cannot be read, or has no history git can give, is a line on stderr and the command fails. */
async function severalLogs(ctx: Context, files: PlanFiles, since: string | undefined): Promise<Logs> {
  const set = await openPlanSet(ctx, files);
  const parts = set.loaded.plan.parts!;
  const logs = await eachFile(ctx, parts, async (part) => ({ file: part.file, entries: await planLog(part.path, part.file, since) }));
  const names = new Map(parts.map((p) => [p.file, p.name]));
  return { display: set.loaded.display, all: mergeLogs(logs), names };
}

function only(e: LogEntry, id: string | undefined, filters: Filters, names?: Map<string, string>): LogEntry['changes'] {
  // In a plan of several files, `sprint2.md#1.3` names id 1.3 of that file only.
  const name = e.file === undefined ? undefined : names?.get(e.file);
  const local = id === undefined || name === undefined ? id : (idInFile(id, name, e.file!) ?? id);
  const wanted = local === undefined ? undefined : idKey(local);
  const inScope = new Set(
    filterTasks(
      e.changes.map((c) => c.task),
      filters,
    ),
  );
  return e.changes.filter((c) => inScope.has(c.task) && (wanted === undefined || idKey(c.task.id) === wanted));
}

function commitJson(e: LogEntry): Record<string, unknown> {
  return {
    hash: e.hash,
    date: e.date,
    author: e.author,
    path: e.path,
    merge: e.merge,
    created: e.created,
    ...(e.file === undefined ? {} : { file: e.file }),
    changes: e.changes.map((c) => ({
      id: c.task.id,
      title: c.task.title,
      section: c.task.section,
      line: c.line,
      change: c.kind,
      from: c.from,
      to: c.to,
    })),
  };
}
