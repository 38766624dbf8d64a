// `plan agenda`: the terminal view, TSV and JSON of src/query/agenda.ts.

import type { Agenda, AgendaSection } from '../query/agenda.js';
import type { Task } from '../model/types.js';
import { SCHEMA_VERSION, taskJson } from './json.js';
import { tsv } from './plain.js';
import { chalk, paint, statusText } from './colour.js';
import { cut, padEnd } from './fit.js';
import { textWidth } from '../text/width.js';

const HEADING: Record<AgendaSection, string> = { overdue: 'Overdue', today: 'Today', week: 'This week', scheduled: 'Scheduled' };
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `Mon 2025-03-10`. */
function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${date}`;
}

export function agendaJson(a: Agenda, file: string): unknown {
  return {
    schemaVersion: SCHEMA_VERSION,
    file,
    today: a.today,
    sections: a.sections.map((s) => ({ name: s.name, days: s.days.map((d) => ({ date: d.date, tasks: d.tasks.map(taskJson) })) })),
  };
}

/** One row per task: its section, its day, and the task's id, status, title, owner and line. */
export function agendaTsv(a: Agenda): string {
  const rows = a.sections.flatMap((s) => s.days.flatMap((d) => d.tasks.map((t) => [s.name, d.date, t.id, t.status, t.title, t.owner, t.line])));
  return tsv(['section', 'date', 'id', 'status', 'title', 'owner', 'line'], rows);
}

function taskLines(tasks: Task[], width: number): string[] {
  const idWidth = Math.max(...tasks.map((t) => textWidth(t.id)));
  const statusWidth = Math.max(...tasks.map((t) => textWidth(statusText(t.status))));
  return tasks.map((t) => {
    const head = `    ${padEnd(t.id, idWidth)}  `;
    const status = padEnd(statusText(t.status), statusWidth);
    const rest = t.owner ? `${t.title}  (${t.owner})` : t.title;
    const room = Math.max(8, width - textWidth(head) - statusWidth - 2);
    return `${head}${paint(t.status, status)}  ${cut(rest, room)}`.trimEnd();
  });
}

/** The sections in order, each with its days (`Mon 2025-03-10`) and their tasks; the overdue heading in red. */
export function agendaView(a: Agenda, file: string, width: number): string {
  if (a.sections.length === 0) return `Nothing overdue, due or scheduled this week in ${file} (today is ${dayLabel(a.today)}).\n`;
  const out: string[] = [];
  for (const s of a.sections) {
    if (out.length) out.push('');
    const count = s.days.reduce((n, d) => n + d.tasks.length, 0);
    const title = `${HEADING[s.name]} (${count})`;
    out.push(s.name === 'overdue' ? chalk.bold.red(title) : chalk.bold(title));
    for (const d of s.days) {
      out.push(`  ${chalk.dim(dayLabel(d.date))}`);
      out.push(...taskLines(d.tasks, width));
    }
  }
  return `${out.join('\n')}\n`;
}
