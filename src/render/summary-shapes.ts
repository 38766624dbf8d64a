// The summary as data: JSON (also the MCP summary tool's result) and TSV.

import type { Figures, Summary } from '../query/summary.js';
import { SUMMARY_SCHEMA_VERSION } from './json.js';
import { tsv } from './plain.js';

const SUMMARY_COLUMNS = [
  'depth',
  'kind',
  'value',
  'name',
  'line',
  'headingStatus',
  'done',
  'total',
  'percent',
  'in-progress',
  'pending',
  'blocked',
  'cancelled',
  'none',
  'overdue',
] as const;

function figureCells(f: Figures): unknown[] {
  return [f.done, f.total, f.percent, f.counts['in-progress'], f.counts.pending, f.counts.blocked, f.counts.cancelled, f.counts.none, f.overdue];
}

/** Tab-separated: one row per group, then a `file` row for the whole file. */
export function summaryTsv(summary: Summary, file: string): string {
  const rows = summary.groups.map((g) => [g.depth, g.kind, g.value, g.name, g.line, g.headingStatus, ...figureCells(g)]);
  rows.push([0, 'file', '', file, '', '', ...figureCells(summary.total)]);
  return tsv(SUMMARY_COLUMNS, rows);
}

function figuresJson(f: Figures) {
  return { done: f.done, total: f.total, percent: f.percent, counts: f.counts, overdue: f.overdue };
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
