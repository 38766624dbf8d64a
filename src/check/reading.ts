// What the model builder decided from content rather than from names, said
// once per table (or once for all heading tasks) as info: a table read as a
// legend or a report rather than tasks, a column whose cells overruled its
// header, headings read as tasks. Nothing here is wrong with the file; it says
// how plan read it, so a surprising `list` can be traced to its cause.

import type { TableInfo, Task } from '../model/types.js';
import { some } from './collapse.js';
import type { CheckInput, Finding } from './types.js';

const NOT_TASKS = {
  legend: 'table read as a status legend (a mark and its meaning per row), not as tasks',
  checks: 'table read as a report of checks or measurements (its status cells say ok/pass/fail or its columns are numbers), not as tasks',
  summary: "table read as a summary of the file's sections (each row names a section that tracks its own tasks), not counted again",
  trace: 'table read as a trace of tasks listed elsewhere in the file (each row gives one of their ids and only a phase or sprint), not counted again',
  skipped: 'table in a section the `read.skip` settings leave out, not read as tasks',
  log: 'table read as a log of impediments, risks or blockers (its title column names them), not as tasks',
} as const;

const INSTEAD = {
  legend: 'a Status column of work statuses makes it a task table',
  checks: 'a Status column of work statuses makes it a task table',
  summary: 'to count its rows, give them ids that name no section',
  trace: 'to count its rows as tasks of their own, give them titles',
  skipped: 'remove its heading from `read.skip` to read it',
  log: 'to track its rows as work, give them ids of work (`T-12`)',
} as const;

/**
 * A table no header word of which names a role: what its cells decided, and the `.planrc.json` line that decides
 * otherwise (its columns as read now, to edit).
 */
function guessedMessage(table: TableInfo): string {
  const entries = (Object.entries(table.columns) as [string, number][]).sort((a, b) => a[1] - b[1]);
  const said = entries.map(([role, i]) => `${JSON.stringify(label(table, i))} as the ${role}`).join(', ');
  return `no header of this table names a column plan knows, so its cells decided: ${said || 'no roles'}; ${settingLine(table)}`;
}

const label = (table: TableInfo, i: number) => table.headers[i]!.trim() || `column ${i + 1}`;

/** The `.planrc.json` line that reads the table as it is read now, to edit into what it should be. */
function settingLine(table: TableInfo): string {
  const entries = (Object.entries(table.columns) as [string, number][]).sort((a, b) => a[1] - b[1]);
  const line = JSON.stringify({ read: { columns: Object.fromEntries(entries.map(([role, i]) => [label(table, i), role])) } }).slice(1, -1);
  return `to decide otherwise, say each column's role in .planrc.json (${line}) or in the front matter (plan: read: columns:)`;
}

export function checkTableReading({ plan }: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const table of plan.tables) {
    const at = { line: table.line, column: 1, severity: 'info' as const };
    if (table.reason) {
      out.push({ ...at, code: 'table-not-tasks', message: `${NOT_TASKS[table.reason]}; ${INSTEAD[table.reason]}` });
    } else if (table.guessed) {
      out.push({ ...at, code: 'columns-guessed', message: guessedMessage(table) });
    } else if (table.inferred?.length) {
      const said = table.inferred.join('; ');
      out.push({
        ...at,
        code: 'column-inferred',
        message: `columns read from their cells: ${said}; name the column (\`ID\`, \`Task\`, \`Status\`, \`Owner\`), or ${settingLine(table)}`,
      });
    }
  }
  const headings = plan.tasks.filter((t: Task) => t.source.type === 'heading');
  const group = {
    key: 'heading-task',
    summary: (all: Finding[]) =>
      `${all.length} headings are read as tasks (lines ${some(all.map((f) => String(f.line)))}): each has an id or a status of its own; ` +
      'a heading without either is a group',
  };
  for (const t of headings) {
    const why = t.idFromFile ? `its id ${t.id}` : 'its status';
    out.push({
      line: t.line,
      column: 1,
      severity: 'info',
      code: 'heading-task',
      message: `heading read as a task (${why}${t.statusText ? `, status "${t.statusText}"` : ''})`,
      group,
    });
  }
  return out;
}
