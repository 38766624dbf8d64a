// Pure filtering: every flag narrows the list; flags combine with AND.

import { SCOPE_KINDS, type ScopeKind, type Task } from '../model/types.js';
import { scopeMatches } from '../read/scope-range.js';
import { canonicalName, isFinished, OPEN_STATUSES, Vocabulary, type Status } from '../model/status.js';
import { UsageError } from '../system/errors.js';
import { isoDate } from '../read/iso-date.js';
import { atLeast, priorityLevel, PRIORITY_LEVELS } from '../read/priority.js';
import { today } from '../system/today.js';
import { indexOfTasks, taskScope } from '../cache/task-index.js';

/** Every filter, in the order the flags are listed (src/interface/filter-table.ts says how each is offered). */
export const FILTER_NAMES = [...SCOPE_KINDS, 'section', 'owner', 'status', 'grep', 'line', 'due', 'overdue', 'priority', 'tag', 'in'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface Filters {
  sprint?: string;
  week?: string;
  month?: string;
  phase?: string;
  milestone?: string;
  section?: string;
  /** Comma-separated statuses; `open` = anything not done or cancelled. */
  status?: string;
  owner?: string;
  grep?: string;
  /** 1-based line of the task's row or item (to pick one of several equal ids). */
  line?: string;
  /** `today`, `tomorrow`, `this-week`, `next-week`, a date, a month (`2025-03`) or a range `from..to` (either end may be left open). */
  due?: string;
  /** Due before today and neither done nor cancelled (`true`; the MCP server may send the text `true`). */
  overdue?: boolean | string;
  /** A level (`high`) or that level and above (`high+`): both keep the level and those above it. */
  priority?: string;
  /** Comma-separated tags (a repeated `--tag` joins them): a task with any of them. */
  tag?: string;
  kind?: 'task' | 'week';
  /** In a plan of several files, only that file's tasks (its path, or its name). */
  in?: string;
}

function parseStatusFilter(value: string): Set<Status> {
  const wanted = new Set<Status>();
  const vocab = Vocabulary.of();
  for (const part of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (part.toLowerCase() === 'open') for (const s of OPEN_STATUSES) wanted.add(s);
    else if (part.toLowerCase() === 'none') wanted.add('none');
    else {
      const s = canonicalName(part) ?? vocab.parseArgument(part);
      if (!s) throw new UsageError(`unknown status "${part}"; use done, in-progress, pending, blocked, cancelled, none or open`);
      wanted.add(s);
    }
  }
  return wanted;
}

const SCOPE_VALUE = /^\d+(?:\.\d+)*(?:\s*[-–—]\s*\d+(?:\.\d+)*)?$/;

/**
 * Rejects filter values that can match nothing (`--week abc`, `--line 0`):
 * a usage error, not an empty result. Scopes are numbers or ranges as the
 * headings write them (`0`, `2`, `0.5`, `2-6`); lines count from 1.
 */
export function checkFilters(f: Filters): void {
  for (const k of SCOPE_KINDS) {
    const v = f[k];
    if (v !== undefined && !SCOPE_VALUE.test(v.trim())) throw new UsageError(`--${k} takes a number or a range like 2-6, not "${v}"`);
  }
  if (f.line !== undefined && !/^[1-9]\d*$/.test(f.line.trim())) throw new UsageError(`--line takes a line number (1 or more), not "${f.line}"`);
  if (f.due !== undefined) dueRange(f.due);
  if (f.priority !== undefined) priorityFloor(f.priority);
}

const DAY = 86400000;

function iso(t: Date): string {
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Today as an ISO date (SOURCE_DATE_EPOCH, else the runtime's clock in the local time zone). */
export function todayIso(): string {
  const t = today();
  return isoDate(t.y, t.m, t.d);
}

/**
 * A date to write (`plan add`/`edit --due`): an ISO date, or `today`,
 * `tomorrow`, `+3d`, `+2w` from today (SOURCE_DATE_EPOCH, else the clock), as
 * an ISO date; '' (remove the date) stays ''. Nothing a reader could take two ways.
 */
export function dateArgument(value: string): string {
  const v = value.trim().toLowerCase();
  if (v === '') return '';
  const t = today();
  const now = Date.UTC(t.y, t.m - 1, t.d);
  const ahead = /^\+(\d{1,4})([dw])$/.exec(v);
  if (v === 'today' || v === 'tomorrow' || ahead) {
    const days = v === 'today' ? 0 : v === 'tomorrow' ? 1 : Number(ahead![1]) * (ahead![2] === 'w' ? 7 : 1);
    return iso(new Date(now + days * DAY));
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(v) ? rangeEnd(v, 'from') : null;
  if (day) return day;
  throw new UsageError(`--due takes a date written YYYY-MM-DD, today, tomorrow or +Nd/+Nw (days, weeks from today), or "" to remove it, not "${value}"`);
}

/** One end of a `--due` range: a date, or a month (its first or last day). */
function rangeEnd(text: string, end: 'from' | 'to'): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const t = new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!));
    return iso(t) === text ? text : null;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && +month[2]! >= 1 && +month[2]! <= 12) return end === 'from' ? `${text}-01` : iso(new Date(Date.UTC(+month[1]!, +month[2]!, 0)));
  return null;
}

/** The days `--due` names, both ends included; '' for an open end. */
function dueRange(value: string): [string, string] {
  const v = value.trim().toLowerCase();
  const t = today();
  const now = Date.UTC(t.y, t.m - 1, t.d);
  const monday = now - ((new Date(now).getUTCDay() + 6) % 7) * DAY;
  switch (v) {
    case 'today':
      return [iso(new Date(now)), iso(new Date(now))];
    case 'tomorrow':
      return [iso(new Date(now + DAY)), iso(new Date(now + DAY))];
    case 'this-week':
      return [iso(new Date(monday)), iso(new Date(monday + 6 * DAY))];
    case 'next-week':
      return [iso(new Date(monday + 7 * DAY)), iso(new Date(monday + 13 * DAY))];
  }
  const parts = v.split('..');
  if (parts.length === 1) {
    const from = rangeEnd(v, 'from');
    const to = rangeEnd(v, 'to');
    if (from && to) return [from, to];
  } else if (parts.length === 2 && (parts[0] || parts[1])) {
    const from = parts[0] ? rangeEnd(parts[0], 'from') : '';
    const to = parts[1] ? rangeEnd(parts[1], 'to') : '';
    if (from !== null && to !== null) return [from, to];
  }
  throw new UsageError(
    `--due takes today, tomorrow, this-week, next-week, a date (2025-03-14), a month (2025-03) or a range (2025-03-01..2025-03-31, ..2025-03-31), not "${value}"`,
  );
}

/** The lowest priority level `--priority` keeps. */
function priorityFloor(value: string): (typeof PRIORITY_LEVELS)[number] {
  const level = priorityLevel(value.trim().replace(/\+$/, ''));
  if (!level) throw new UsageError(`--priority takes ${PRIORITY_LEVELS.join(', ')} (or P0-P4; "high" keeps highest and high), not "${value}"`);
  return level;
}

function tagsWanted(value: string): Set<string> {
  return new Set(
    value
      .split(',')
      .map((t) =>
        t
          .trim()
          .replace(/^[#+@]/, '')
          .toLowerCase(),
      )
      .filter(Boolean),
  );
}

/** What filtering reads of a task (history snapshots have these fields too). */
export type Filterable = Pick<Task, 'id' | 'title' | 'status' | 'owner' | 'section' | 'kind' | ScopeKind> &
  Partial<Pick<Task, 'statusText' | 'notes' | 'fields' | 'line' | 'mentions' | 'due' | 'priorityLevel' | 'tags' | 'file'>>;

export function filterTasks<T extends Filterable>(tasks: T[], f: Filters): T[] {
  const statuses = f.status ? parseStatusFilter(f.status) : null;
  const owner = f.owner?.trim().toLowerCase();
  const section = f.section?.toLowerCase();
  const grep = f.grep?.toLowerCase();
  const scopes = SCOPE_KINDS.filter((k) => f[k] !== undefined);
  const due = f.due !== undefined ? dueRange(f.due) : null;
  const overdue = f.overdue === true || f.overdue === 'true' ? todayIso() : null;
  const floor = f.priority !== undefined ? priorityFloor(f.priority) : null;
  const tags = f.tag !== undefined ? tagsWanted(f.tag) : null;
  const wanted = (t: T) =>
    scopes.every((k) => scopeMatches(t[k], f[k]!)) &&
    (section === undefined || (t.section ?? '').toLowerCase().includes(section)) &&
    (statuses === null || statuses.has(t.status)) &&
    (owner === undefined || (t.owner ?? '').toLowerCase() === owner) &&
    (f.line === undefined || atLine(t, Number(f.line))) &&
    (f.kind === undefined || t.kind === f.kind) &&
    (grep === undefined || haystack(t).includes(grep)) &&
    (due === null || (!!t.due && (!due[0] || t.due >= due[0]) && (!due[1] || t.due <= due[1]))) &&
    (overdue === null || isOverdue(t, overdue)) &&
    (floor === null || atLeast(t.priorityLevel, floor)) &&
    (tags === null || (t.tags ?? []).some((x) => tags.has(x.toLowerCase()))) &&
    (f.in === undefined || t.file === undefined || fileIs(t.file, f.in));
  // A model read lazily from the cache: its index says which tasks are in the scopes asked for, so the
  // chunks holding none of them are never read (the tasks read are still checked against every filter).
  const index = scopes.length ? indexOfTasks(tasks) : undefined;
  if (!index || index.scopes.length !== tasks.length) return tasks.filter(wanted);
  const out: T[] = [];
  for (let i = 0; i < index.scopes.length; i++) {
    const scope = taskScope(index, i);
    if (!scopes.every((k) => scopeMatches(scope[k], f[k]!))) continue;
    const t = tasks[i]!;
    if (wanted(t)) out.push(t);
  }
  return out;
}

/** Due before `today` (ISO) and neither done nor cancelled: `--overdue`, agenda's first section, summary's and board's marks. */
export function isOverdue(t: Pick<Task, 'status' | 'due'>, today: string): boolean {
  return !!t.due && t.due < today && !isFinished(t.status);
}

/** The task is written on `line`: its own line, or one of its other places (Task.mentions). */
function atLine(t: Filterable, line: number): boolean {
  return t.line === line || (t.mentions ?? []).some((m) => m.line === line);
}

function haystack(t: Filterable): string {
  return [t.id, t.title, t.statusText, t.owner, t.notes, ...Object.values(t.fields ?? {})].join('\u0000').toLowerCase();
}

/** Only the filters named (those set): what a command passes on where it takes fewer. */
export function pickFilters(f: Filters, names: readonly FilterName[]): Filters {
  const out: Filters = {};
  for (const k of names) if (f[k] !== undefined && f[k] !== false) (out as Record<string, unknown>)[k] = f[k];
  return out;
}

/** Whether `name` (as given to --in) names `file` (a path as shown): the path itself, or its ending after a folder. */
export function fileIs(file: string, name: string): boolean {
  const a = file.replaceAll('\\', '/');
  const b = name.trim().replaceAll('\\', '/').replace(/^\.\//, '');
  return a === b || a.endsWith(`/${b}`);
}
