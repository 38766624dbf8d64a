// Pure filtering: every flag narrows the list; flags combine with AND.

import { SCOPE_KINDS, type ScopeKind, type Task } from '../model/types.js';
import { scopeMatches } from '../model/scope.js';
import { canonicalName, Vocabulary, type Status } from '../status.js';
import { UsageError } from '../errors.js';

/** Every filter, in the order the flags are listed (src/spec/filters.ts says how each is offered). */
export const FILTER_NAMES = [...SCOPE_KINDS, 'section', 'owner', 'status', 'grep', 'line'] as const;
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
  kind?: 'task' | 'week';
}

export const OPEN_STATUSES: readonly Status[] = ['in-progress', 'pending', 'blocked', 'none'];

export function parseStatusFilter(value: string): Set<Status> {
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
}

/** What filtering reads of a task (history snapshots have these fields too). */
export type Filterable = Pick<Task, 'id' | 'title' | 'status' | 'owner' | 'section' | 'kind' | ScopeKind> &
  Partial<Pick<Task, 'statusText' | 'notes' | 'fields' | 'line'>>;

export function filterTasks<T extends Filterable>(tasks: T[], f: Filters): T[] {
  const statuses = f.status ? parseStatusFilter(f.status) : null;
  const owner = f.owner?.trim().toLowerCase();
  const section = f.section?.toLowerCase();
  const grep = f.grep?.toLowerCase();
  const scopes = SCOPE_KINDS.filter((k) => f[k] !== undefined);
  return tasks.filter(
    (t) =>
      scopes.every((k) => scopeMatches(t[k], f[k]!)) &&
      (section === undefined || (t.section ?? '').toLowerCase().includes(section)) &&
      (statuses === null || statuses.has(t.status)) &&
      (owner === undefined || (t.owner ?? '').toLowerCase() === owner) &&
      (f.line === undefined || t.line === Number(f.line)) &&
      (f.kind === undefined || t.kind === f.kind) &&
      (grep === undefined || haystack(t).includes(grep)),
  );
}

function haystack(t: Filterable): string {
  return [t.id, t.title, t.statusText, t.owner, t.notes, ...Object.values(t.fields ?? {})].join('\u0000').toLowerCase();
}

/** Only the filters named (those set): what a command passes on where it takes fewer. */
export function pickFilters(f: Filters, names: readonly FilterName[]): Filters {
  const out: Filters = {};
  for (const k of names) if (f[k] !== undefined) out[k] = f[k];
  return out;
}
