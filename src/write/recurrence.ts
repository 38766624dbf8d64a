// Obsidian Tasks' recurrence: `plan set <id> done` on an item with
// `🔁 every week` writes the next occurrence as a new item above it, as
// Obsidian Tasks does: the same line, its box open, its dates moved on by the
// rule (the due date, else the scheduled, else the start date decides; the
// others keep their distance to it), its done and cancelled dates left out.
// Only the common rules (every day, week, month or year; every N of them;
// every weekday): any other is refused and nothing is written.

import type { Task } from '../model/types.js';
import { RECURRENCE } from '../read/fields.js';
import { isoDate } from '../read/iso-date.js';
import { PlanError } from '../system/errors.js';
import { lineEndAt, lineStartAt } from '../text/lines.js';
import type { Edit } from './splice.js';
import type { EditContext } from './task-edits.js';

const DAY = 86400000;
const DATED = /(📅|📆|🗓|⏳|⌛|🛫)(\uFE0F?[ \t]*)(\d{4}-\d{2}-\d{2})(?!\d)/gu;
const CLOSED = /(?<![ \t])[ \t]*(?:✅|❌)\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}(?!\d)/gu;

type Step = (t: number) => number;

function addMonths(t: number, n: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last));
}

/** The step of a rule Obsidian Tasks users commonly write; null for any other. */
function stepOf(rule: string): Step | null {
  const r = rule.trim().toLowerCase().replace(/\s+/g, ' ');
  if (r === 'every weekday') {
    return (t) => {
      let next = t + DAY;
      while ([0, 6].includes(new Date(next).getUTCDay())) next += DAY;
      return next;
    };
  }
  const m = /^every (?:(\d{1,3}) )?(day|week|month|year)s?$/.exec(r);
  if (!m || (m[1] === undefined && /s$/.test(r)) || m[1] === '0') return null;
  const n = m[1] ? Number(m[1]) : 1;
  switch (m[2]) {
    case 'day':
      return (t) => t + n * DAY;
    case 'week':
      return (t) => t + 7 * n * DAY;
    case 'month':
      return (t) => addMonths(t, n);
    default:
      return (t) => addMonths(t, 12 * n);
  }
}

const time = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const iso = (t: number) => {
  const d = new Date(t);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/**
 * The edit that writes `t`'s next occurrence above it, when `t` is a recurring
 * boxed item becoming done; null when it does not recur. Refuses (PlanError) a
 * rule it does not know or an item with no date to repeat from.
 */
export function nextOccurrenceEdit(ec: EditContext, t: Task): Edit | null {
  const src = t.source;
  if (src.type !== 'item' || !src.checkbox) return null;
  const own = ec.text.slice(src.text.start, src.text.end);
  const rule = RECURRENCE.exec(own);
  if (!rule) return null;
  const refuse = (why: string) =>
    new PlanError(
      `${ec.file}:${t.line}: task ${t.id} recurs (🔁 ${rule[1]!.trim()}), and ${why}; nothing was written (mark it done in Obsidian, or write the next one by hand)`,
    );
  const step = stepOf(rule[1]!);
  if (!step) throw refuse('plan writes the next occurrence only for every day, week, month or year, every N of them, or every weekday');
  const dates = [...own.matchAll(DATED)];
  const ref = dates.find((d) => /📅|📆|🗓/u.test(d[1]!)) ?? dates.find((d) => /⏳|⌛/u.test(d[1]!)) ?? dates[0];
  if (!ref) throw refuse('it has no due, scheduled or start date to repeat from');
  const delta = step(time(ref[3]!)) - time(ref[3]!);
  const start = lineStartAt(ec.text, src.checkbox.start);
  const end = lineEndAt(ec.text, src.text.end);
  const box = src.checkbox.start - start;
  const line = ec.text.slice(start, end);
  // The box open (`[ ]`), the dates moved on, the done and cancelled dates left out.
  const opened = `${line.slice(0, box)}[ ]${line.slice(box + (src.checkbox.end - src.checkbox.start))}`;
  const next = opened.replace(DATED, (_m, mark: string, gap: string, date: string) => `${mark}${gap}${iso(time(date) + delta)}`).replace(CLOSED, '');
  return { start, end: start, expect: '', text: next + ec.plan.eol };
}
