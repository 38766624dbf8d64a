// Progress per heading, from the plan's headings and tasks. Pure: the
// renderers in ../render/summary.ts draw it.
//
// Rules (README, `plan summary`):
//  - A group is a heading that holds at least one of the tasks summarised in
//    its part of the file (from the heading to the next heading of the same or
//    a higher level): sprints, weeks, phases, releases and plain sections
//    alike. Groups nest as their headings do, and a task counts in every group
//    whose heading holds it. A heading over every task of the file that names
//    no scope (the document's title) is not a group: the file's line says the
//    same.
//  - Every task `plan list` shows counts once in the file's total, week-table
//    rows (`W2 Grafana Dashboards`) included: they count where they stand.
//  - Cancelled tasks count neither as done nor toward the total; tasks with no
//    status count toward the total. percent = done / total rounded, except that
//    it is never 0 when something is done nor 100 while something is left; null
//    when the total is 0.

import type { Heading, Plan, ScopeKind, Task } from '../model/types.js';
import { scopesInHeading } from '../read/scope.js';
import { STATUSES, type Status } from '../model/status.js';
import { isOverdue, todayIso } from './filter.js';

type StatusCounts = Record<Status, number>;

export interface Figures {
  done: number;
  total: number;
  percent: number | null;
  counts: StatusCounts;
  /** Open tasks due before today (the `--overdue` filter's tasks). */
  overdue: number;
}

export interface SummaryGroup extends Figures {
  /** The heading's text as written (plain). */
  name: string;
  /** The finest scope the heading names, or `section` for a heading that names none; `file`: a file of a plan of several files. */
  kind: ScopeKind | 'section' | 'file';
  /** The scope's value (`8`, `2-6`), null for a section. */
  value: string | null;
  depth: number;
  line: number;
  /** A status written in the heading (`(IN PROGRESS)`, a leading ✅), else null. */
  headingStatus: Status | null;
}

export interface Summary {
  groups: SummaryGroup[];
  total: Figures;
}

/** When a heading names several scopes (`Sprint 3, Week 2`), the finest names its group. */
const FINEST_FIRST: readonly ScopeKind[] = ['week', 'sprint', 'month', 'milestone', 'phase'];

function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function percentOf(done: number, total: number): number | null {
  if (total === 0) return null;
  const p = Math.round((done * 100) / total);
  if (done > 0 && p === 0) return 1;
  if (done < total && p === 100) return 99;
  return p;
}

/** The figures of `items`; `today` (ISO) says which are overdue. */
export function figures(items: readonly Task[], today = todayIso()): Figures {
  const counts = emptyCounts();
  let overdue = 0;
  for (const t of items) {
    counts[t.status]++;
    if (isOverdue(t, today)) overdue++;
  }
  const total = items.length - counts.cancelled;
  return { done: counts.done, total, percent: percentOf(counts.done, total), counts, overdue };
}

/** Each heading with the tasks its part of the file holds, in file order. */
function tasksUnderHeadings(headings: readonly Heading[], tasks: readonly Task[]): Map<Heading, Task[]> {
  const held = new Map<Heading, Task[]>(headings.map((h) => [h, []]));
  const sorted = [...tasks].sort((a, b) => a.line - b.line);
  const open: Heading[] = [];
  let next = 0;
  for (const t of sorted) {
    // A heading task (`#### Phase 1: Alpha ✅`) stands on its own heading's line: it counts under that heading.
    while (next < headings.length && headings[next]!.line <= t.line) {
      const h = headings[next++]!;
      while (open.length && open[open.length - 1]!.depth >= h.depth) open.pop();
      open.push(h);
    }
    for (const h of open) held.get(h)!.push(t);
  }
  return held;
}

function scopeOf(h: Heading): { kind: ScopeKind | 'section'; value: string | null } {
  const own = scopesInHeading(h.text);
  const kind = FINEST_FIRST.find((k) => own[k] != null);
  return kind ? { kind, value: own[kind]! } : { kind: 'section', value: null };
}

export function summarise(plan: Plan, tasks: readonly Task[]): Summary {
  return plan.parts ? summariseFiles(plan, tasks) : summariseFile(plan, tasks);
}

/**
 * A plan of several files: a group per file that holds tasks summarised (its
 * path as the name, line 1), its headings' groups below it, one level deeper.
 */
function summariseFiles(plan: Plan, tasks: readonly Task[]): Summary {
  const groups: SummaryGroup[] = [];
  for (const part of plan.parts!) {
    const own = tasks.filter((t) => t.file === part.file);
    if (own.length === 0) continue;
    const whole = plan.tasks.slice(part.first, part.first + part.plan.tasks.length);
    const sub = summariseFile({ ...part.plan, tasks: whole }, own);
    groups.push({ name: part.file, kind: 'file', value: null, depth: 0, line: 1, headingStatus: null, ...sub.total });
    for (const g of sub.groups) groups.push({ ...g, depth: g.depth + 1 });
  }
  return { groups, total: figures(tasks) };
}

function summariseFile(plan: Plan, tasks: readonly Task[]): Summary {
  const headings = [...plan.headings].sort((a, b) => a.line - b.line);
  const held = tasksUnderHeadings(headings, tasks);
  const overAll = tasksUnderHeadings(headings, plan.tasks);
  const isTitle = (h: Heading): boolean => overAll.get(h)!.length === plan.tasks.length && scopeOf(h).kind === 'section';
  const isGroup = (h: Heading): boolean => held.get(h)!.length > 0 && !isTitle(h);

  const today = todayIso();
  const groups: SummaryGroup[] = [];
  const open: Heading[] = [];
  for (const h of headings) {
    while (open.length && open[open.length - 1]!.depth >= h.depth) open.pop();
    if (isGroup(h)) {
      groups.push({
        name: h.text,
        ...scopeOf(h),
        depth: open.filter(isGroup).length,
        line: h.line,
        headingStatus: h.status === 'none' ? null : h.status,
        ...figures(held.get(h)!, today),
      });
    }
    open.push(h);
  }
  return { groups, total: figures(tasks, today) };
}
