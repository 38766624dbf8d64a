// JSON output: stable key order, every documented key present (null when absent).

import type { Task } from '../model/types.js';
import { showsStatus } from '../read/mentions.js';
import type { Status } from '../model/status.js';

/**
 * 2: tasks gain `idFromFile` and `group`, `kind` may be `parent`, and tasks the file gives no id are `@` + 5 hex digits (not `L<line>`).
 * Later additions within 2: `dependsOn`.
 * 3: tasks gain `priorityLevel` (highest … lowest, or null), `due`, `scheduled`, `start`, `doneDate` (ISO dates, or null)
 * and `tags`, and `places` (the task's other places in the file); Obsidian Tasks' and todo.txt's date and priority marks are no longer part of `title`.
 * Later additions within 3: `file`, in a plan of several files only (a plan of one file prints what it did).
 * Later additions within 3: `estimate` ({value, unit} or null).
 * Later additions within 3: `recurrence` (Obsidian Tasks' rule after `🔁`, `every week`, or null); the rule is no longer part of `title`.
 * Later additions within 3: `statusFrom` (`checklist` for a heading task's status that its boxes give, or null).
 */
export const SCHEMA_VERSION = 3;
/**
 * `plan summary --json` (and the MCP summary tool). 2: a group per heading
 * that holds tasks (`kind: "section"` and `value: null` for a heading naming
 * no scope); every task counted where it stands, so `from` and `weekItems` are
 * gone. Later additions within 2: a group of kind `file` for each file of a plan of several files, its headings' groups below it.
 * gone. Later additions within 2: `overdue` (open tasks due before today) in
 * each group and the total.
 */
export const SUMMARY_SCHEMA_VERSION = 2;

/** Another place the file writes the task (Task.mentions), as it reads there: the status it shows (null: none of its own), its title, owner and heading. */
interface PlaceJson {
  line: number;
  status: Status | null;
  title: string;
  owner: string | null;
  group: string | null;
}

/** A task as `--json` prints it: every field but the source offsets, its other places as `places`, the typed fields null (tags empty) when absent. */
export type TaskJson = Omit<
  Task,
  'source' | 'mentions' | 'priorityLevel' | 'due' | 'scheduled' | 'start' | 'doneDate' | 'tags' | 'estimate' | 'recurrence' | 'statusFrom'
> & {
  places: PlaceJson[];
  priorityLevel: NonNullable<Task['priorityLevel']> | null;
  due: string | null;
  scheduled: string | null;
  start: string | null;
  doneDate: string | null;
  tags: string[];
  /** The task's file, in a plan of several files. */
  file?: string;
  estimate: NonNullable<Task['estimate']> | null;
  recurrence: string | null;
  /** Where a status no text writes came from (Task.statusFrom), or null. */
  statusFrom: NonNullable<Task['statusFrom']> | null;
};

export function taskJson(t: Task): TaskJson {
  return {
    id: t.id,
    idFromFile: t.idFromFile,
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
    group: t.group,
    line: t.line,
    fields: t.fields,
    dependsOn: t.dependsOn,
    places: (t.mentions ?? []).map((m) => ({
      line: m.line,
      status: showsStatus(m) && m.status !== 'none' ? m.status : null,
      title: m.title,
      owner: m.owner,
      group: m.group,
    })),
    priorityLevel: t.priorityLevel ?? null,
    due: t.due ?? null,
    scheduled: t.scheduled ?? null,
    start: t.start ?? null,
    doneDate: t.doneDate ?? null,
    tags: t.tags ?? [],
    ...(t.file === undefined ? {} : { file: t.file }),
    estimate: t.estimate ?? null,
    recurrence: t.recurrence ?? null,
    statusFrom: t.statusFrom ?? null,
  };
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
