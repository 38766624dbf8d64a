// JSON output: stable key order, every documented key present (null when absent).

import type { Task } from '../model/types.js';

export const SCHEMA_VERSION = 1;

export interface TaskJson {
  id: string;
  kind: Task['kind'];
  title: string;
  status: Task['status'];
  statusText: string;
  owner: string | null;
  notes: string | null;
  priority: string | null;
  sprint: string | null;
  week: string | null;
  month: string | null;
  phase: string | null;
  milestone: string | null;
  section: string | null;
  line: number;
  fields: Record<string, string>;
}

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
