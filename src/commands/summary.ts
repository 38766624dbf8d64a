// plan summary: progress per heading (sprints, weeks, phases, sections), then
// the whole file (see src/query/summary.ts for the grouping rules).

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { summarise, type Figures, type Summary } from '../query/summary.js';
import { SUMMARY_SCHEMA_VERSION, toJson } from '../render/json.js';
import { tsv } from '../render/plain.js';

export const SUMMARY_COLUMNS = [
  'depth', 'kind', 'value', 'name', 'line', 'headingStatus',
  'done', 'total', 'percent', 'in-progress', 'pending', 'blocked', 'cancelled', 'none',
] as const;

function figureCells(f: Figures): unknown[] {
  return [f.done, f.total, f.percent, f.counts['in-progress'], f.counts.pending, f.counts.blocked, f.counts.cancelled, f.counts.none];
}

/** Tab-separated: one row per group, then a `file` row for the whole file. */
export function summaryTsv(summary: Summary, file: string): string {
  const rows = summary.groups.map((g) => [
    g.depth, g.kind, g.value, g.name, g.line, g.headingStatus,
    ...figureCells(g),
  ]);
  rows.push([0, 'file', '', file, '', '', ...figureCells(summary.total)]);
  return tsv(SUMMARY_COLUMNS, rows);
}

function figuresJson(f: Figures) {
  return { done: f.done, total: f.total, percent: f.percent, counts: f.counts };
}

export function summaryJson(summary: Summary, file: string) {
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    file,
    groups: summary.groups.map((g) => ({
      name: g.name,
      kind: g.kind,
      value: g.value,
      depth: g.depth,
      line: g.line,
      headingStatus: g.headingStatus,
      ...figuresJson(g),
    })),
    total: figuresJson(summary.total),
  };
}

export async function summary(ctx: Context, filters: Filters): Promise<number> {
  const { plan, display } = await openPlan(ctx);
  const s = summarise(plan, filterTasks(plan.tasks, filters));
  if (ctx.mode === 'json') ctx.out(toJson(summaryJson(s, display)));
  else if (ctx.mode === 'plain') ctx.out(summaryTsv(s, display));
  else {
    if (plan.tasks.length === 0) {
      ctx.err(`plan: ${display}: no tasks found (plan reads table rows under a Status or ID column, checkbox items and items that start with an id); see README\n`);
    }
    const { summaryView } = await import('../render/summary.js');
    ctx.out(summaryView(s, display, ctx.width));
  }
  return 0;
}
