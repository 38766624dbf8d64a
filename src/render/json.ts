// JSON output: stable key order, every documented key present (null when absent).

import type { Task } from '../model/types.js';

export const SCHEMA_VERSION = 1;
/**
 * `plan summary --json` (and the MCP summary tool). 2: a group per heading
 * that holds tasks (`kind: "section"` and `value: null` for a heading naming
 * no scope); every task counted where it stands, so `from` and `weekItems` are
 * gone.
 */
export const SUMMARY_SCHEMA_VERSION = 2;

/** A task as `--json` prints it: every field but the source offsets. */
export type TaskJson = Omit<Task, 'source' | 'idFromFile'>;

export function taskJson(t: Task): TaskJson {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    status: t.status,
    statusText: t.statusText,
    owner: t.owner,
    notes: t.notes,
    priority: t.priority,
    sprint: t.sprint,
    week: t.week,
    month: t.month,
    phase: t.phase,
    milestone: t.milestone,
    section: t.section,
    line: t.line,
    fields: t.fields,
  };
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
