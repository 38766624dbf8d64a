// plan log [id]: the task changes of every commit that touched the plan.

import type { Context } from './context.js';
import { locateOnePlan } from '../load/files.js';
import { displayPath } from '../load/load.js';
import type { Filters } from '../query/filter.js';
import { filterTasks } from '../query/filter.js';
import { idKey } from '../read/ids.js';
import { planLog, type LogEntry } from '../history/log.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';

export interface LogOptions {
  since?: string;
}

export async function log(ctx: Context, id: string | undefined, filters: Filters, opts: LogOptions): Promise<number> {
  const path = locateOnePlan(ctx.opts.file);
  const display = displayPath(path);
  const all = await planLog(path, display, opts.since);
  const narrowed = id !== undefined || Object.keys(filters).length > 0;
  const entries = narrowed ? all.map((e) => ({ ...e, changes: only(e, id, filters) })).filter((e) => e.changes.length > 0) : all;
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, commits: entries.map(commitJson) }));
    return 0;
  }
  const { logLines, logTsv } = await import('../render/history.js');
  if (ctx.mode === 'plain') ctx.out(logTsv(entries));
  else ctx.out(logLines(entries, true, !narrowed));
  if (entries.length === 0)
    ctx.err(
      `plan: ${display}: ${all.length === 0 ? 'no commit touched this file' : 'no task changes'}${narrowed ? ' match' : ''}${opts.since ? ` since ${opts.since}` : ''}\n`,
    );
  return 0;
}

function only(e: LogEntry, id: string | undefined, filters: Filters): LogEntry['changes'] {
  const wanted = id === undefined ? undefined : idKey(id);
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
