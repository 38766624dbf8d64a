// `plan agenda`: what the dates of the open tasks say about now. Four
// sections, in this order: overdue (due before today), due today, due this
// week (after today, up to Sunday), scheduled (a scheduled date up to Sunday,
// for a task not already above); each grouped by day, earliest first, file
// order within a day. Done and cancelled tasks are never on it.

import type { Task } from '../model/types.js';
import { isFinished } from '../model/status.js';
import { isOverdue } from './filter.js';
import { isoDate } from '../read/iso-date.js';

const AGENDA_SECTIONS = ['overdue', 'today', 'week', 'scheduled'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

interface AgendaDay {
  /** ISO date: the due date, or the scheduled one in `scheduled`. */
  date: string;
  tasks: Task[];
}

export interface Agenda {
  today: string;
  /** The Sunday that ends this week (ISO weeks start on Monday). */
  weekEnd: string;
  sections: { name: AgendaSection; days: AgendaDay[] }[];
}

/** The Sunday of the week `today` (an ISO date) is in. */
function sundayOf(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const sunday = new Date(t.getTime() + ((7 - t.getUTCDay()) % 7) * 86400000);
  return isoDate(sunday.getUTCFullYear(), sunday.getUTCMonth() + 1, sunday.getUTCDate());
}

function sectionOf(t: Task, today: string, weekEnd: string): [AgendaSection, string] | null {
  if (isOverdue(t, today)) return ['overdue', t.due!];
  if (t.due === today) return ['today', t.due];
  if (t.due && t.due <= weekEnd) return ['week', t.due];
  if (t.scheduled && t.scheduled <= weekEnd) return ['scheduled', t.scheduled];
  return null;
}

/** The agenda of `tasks` on `today` (an ISO date). */
export function agenda(tasks: readonly Task[], today: string): Agenda {
  const weekEnd = sundayOf(today);
  const bySection = new Map<AgendaSection, Map<string, Task[]>>(AGENDA_SECTIONS.map((s) => [s, new Map()]));
  for (const t of tasks) {
    if (isFinished(t.status)) continue;
    const at = sectionOf(t, today, weekEnd);
    if (!at) continue;
    const days = bySection.get(at[0])!;
    days.set(at[1], [...(days.get(at[1]) ?? []), t]);
  }
  const sections = AGENDA_SECTIONS.map((name) => ({
    name,
    days: [...bySection.get(name)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, ts]) => ({ date, tasks: ts })),
  })).filter((s) => s.days.length > 0);
  return { today, weekEnd, sections };
}
