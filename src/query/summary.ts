// Progress per sprint, week, month, phase and milestone, from the plan's
// headings and tasks. Pure: the renderers in ../render/summary.ts draw it.
//
// Rules (README, `plan summary`):
//  - A group is a heading that names a scope (`Sprint 8`, `Week 1: …`, `Phase 5
//    Planning`) and holds at least one counted item in its part of the file (from
//    the heading to the next heading of the same or a higher level). Groups nest
//    as their headings do.
//  - Counted items are the tasks, and the period items of week tables (`W3 MCP
//    Server`) that no group of tasks describes. A period item whose period has a
//    group of its own with tasks in it (`W2` and `## Week 2`) is shown beside that
//    group and not counted, since its tasks are; other period items are counted
//    and shown as their own lines.
//  - Cancelled items count neither as done nor toward the total; items with no
//    status count toward the total. percent = done / total rounded, except that it
//    is never 0 when something is done nor 100 while something is left; null when
//    the total is 0.

import type { Heading, Plan, ScopeKind, Task } from '../model/types.js';
import { scopesInHeading } from '../model/scope.js';
import { STATUSES, Vocabulary, type Status } from '../status.js';

export type StatusCounts = Record<Status, number>;

export interface Figures {
  done: number;
  total: number;
  percent: number | null;
  counts: StatusCounts;
}

export interface PeriodItem {
  id: string;
  title: string;
  status: Status;
  statusText: string;
  line: number;
}

export interface SummaryGroup extends Figures {
  name: string;
  kind: ScopeKind;
  value: string;
  depth: number;
  line: number;
  /** A status written in the heading (`(IN PROGRESS)`, a leading ✅), else null. */
  headingStatus: Status | null;
  /** `heading` for a heading's group, `week-item` for a period item shown on its own line. */
  from: 'heading' | 'week-item';
  /** Period items shown beside this group (the week items describing its week). */
  weekItems: PeriodItem[];
}

export interface Summary {
  groups: SummaryGroup[];
  total: Figures;
}

/** When a heading names several scopes (`Sprint 3, Week 2`), the finest names its group. */
const FINEST_FIRST: readonly ScopeKind[] = ['week', 'sprint', 'month', 'milestone', 'phase'];
const PREFIX_KIND: Record<string, ScopeKind> = { W: 'week', S: 'sprint', M: 'month', P: 'phase' };

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function percentOf(done: number, total: number): number | null {
  if (total === 0) return null;
  const p = Math.round((done * 100) / total);
  if (done > 0 && p === 0) return 1;
  if (done < total && p === 100) return 99;
  return p;
}

export function figures(items: readonly Task[]): Figures {
  const counts = emptyCounts();
  for (const t of items) counts[t.status]++;
  const total = items.length - counts.cancelled;
  return { done: counts.done, total, percent: percentOf(counts.done, total), counts };
}

interface Candidate {
  heading: Heading;
  kind: ScopeKind;
  value: string;
  /** Last line (inclusive) of the heading's part of the file. */
  end: number;
}

function candidates(plan: Plan): Candidate[] {
  const out: Candidate[] = [];
  plan.headings.forEach((h, i) => {
    const own = scopesInHeading(h.text);
    const kind = FINEST_FIRST.find((k) => own[k] != null);
    if (!kind) return;
    const next = plan.headings.slice(i + 1).find((n) => n.depth <= h.depth);
    out.push({ heading: h, kind, value: own[kind]!, end: next ? next.line - 1 : Number.MAX_SAFE_INTEGER });
  });
  return out;
}

const within = (c: Candidate, line: number): boolean => line > c.heading.line && line <= c.end;

/** The period kind of a week-table item (`W2` → week), or null for a task. */
function periodKind(t: Task): ScopeKind | null {
  if (t.kind !== 'week') return null;
  return PREFIX_KIND[t.id.charAt(0)] ?? 'week';
}

/** The group of tasks a period item describes: same period, no conflicting scope; the closest match wins. */
function describedGroup(item: Task, kind: ScopeKind, groups: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = -1;
  for (const c of groups) {
    if (c.kind !== kind || c.value !== item[kind]) continue;
    let score = 0;
    let conflict = false;
    for (const k of ['sprint', 'month', 'phase', 'milestone', 'week'] as const) {
      if (k === kind) continue;
      const a = item[k];
      const b = c.heading.scope[k];
      if (a != null && b != null) {
        if (a === b) score++;
        else conflict = true;
      }
    }
    if (!conflict && score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function ref(t: Task): PeriodItem {
  return { id: t.id, title: t.title, status: t.status, statusText: t.statusText, line: t.line };
}

export function summarise(plan: Plan, tasks: readonly Task[]): Summary {
  const all = candidates(plan);
  const regular = tasks.filter((t) => t.kind === 'task');
  const hasTasks = all.filter((c) => regular.some((t) => within(c, t.line)));

  const attached = new Map<Candidate, Task[]>();
  const counted: Task[] = [...regular];
  const standalone: Task[] = [];
  for (const t of tasks) {
    const kind = periodKind(t);
    if (!kind) continue;
    const target = t[kind] != null ? describedGroup(t, kind, hasTasks) : null;
    if (target) {
      attached.set(target, [...(attached.get(target) ?? []), t]);
      continue;
    }
    counted.push(t);
    standalone.push(t);
  }
  counted.sort((a, b) => a.line - b.line);

  const shown = all.filter((c) => attached.has(c) || counted.some((t) => within(c, t.line)));
  const depthAt = (line: number, self?: Candidate): number =>
    shown.filter((c) => c !== self && within(c, line) && (!self || c.heading.depth < self.heading.depth)).length;

  const groups: SummaryGroup[] = shown.map((c) => ({
    name: c.heading.text,
    kind: c.kind,
    value: c.value,
    depth: depthAt(c.heading.line, c),
    line: c.heading.line,
    headingStatus: c.heading.status === 'none' ? null : c.heading.status,
    from: 'heading' as const,
    ...figures(counted.filter((t) => within(c, t.line))),
    weekItems: (attached.get(c) ?? []).map(ref),
  }));

  for (const t of standalone) {
    // An item inside the very group it describes is shown beside it, not on a line of its own.
    const kind = periodKind(t)!;
    const home = shown.filter((c) => within(c, t.line)).pop();
    const homeGroup = home ? groups[shown.indexOf(home)] : undefined;
    if (home && homeGroup && home.kind === kind && home.value === t[kind]) {
      homeGroup.weekItems.push(ref(t));
      continue;
    }
    groups.push({
      name: t.title ? `${t.id} ${t.title}` : t.id,
      kind,
      value: t[kind] ?? t.id.slice(1),
      depth: depthAt(t.line),
      line: t.line,
      headingStatus: null,
      from: 'week-item',
      ...figures([t]),
      weekItems: [],
    });
  }
  groups.sort((a, b) => a.line - b.line);
  return { groups, total: figures(counted) };
}

/** The heading text without a trailing `(STATUS)` that states its status. */
export function nameWithoutStatus(g: SummaryGroup): string {
  if (!g.headingStatus) return g.name;
  const m = /\s*\(([^()]+)\)\s*$/.exec(g.name);
  if (!m || Vocabulary.of().read(m[1]!).status === 'none') return g.name;
  return g.name.slice(0, m.index).trimEnd();
}
