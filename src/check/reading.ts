// What the model builder decided from content rather than from names, said
// once per table (or once for all heading tasks) as info: a table read as a
// legend or a report rather than tasks, a column whose cells overruled its
// header, headings read as tasks. Nothing here is wrong with the file; it says
// how plan read it, so a surprising `list` can be traced to its cause.

import type { Task } from '../model/types.js';
import { some } from './collapse.js';
import type { CheckInput, Finding } from './types.js';

const NOT_TASKS = {
  legend: 'table read as a status legend (a mark and its meaning per row), not as tasks',
  checks: 'table read as a report of checks or measurements (its status cells say ok/pass/fail or its columns are numbers), not as tasks',
  summary: "table read as a summary of the file's sections (each row names a section that tracks its own tasks), not counted again",
  log: 'table read as a log of impediments, risks or blockers (its title column names them), not as tasks',
} as const;

export function checkTableReading({ plan }: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const table of plan.tables) {
    const at = { line: table.line, column: 1, severity: 'info' as const };
    if (table.reason) {
      const instead =
        table.reason === 'summary'
          ? 'to count its rows, give them ids that name no section'
          : table.reason === 'log'
            ? 'to track its rows as work, give them ids of work (`T-12`)'
            : 'a Status column of work statuses makes it a task table';
      out.push({ ...at, code: 'table-not-tasks', message: `${NOT_TASKS[table.reason]}; ${instead}` });
    } else if (table.inferred?.length) {
      const said = table.inferred.join('; ');
      out.push({
        ...at,
        code: 'column-inferred',
        message: `columns read from their cells: ${said}; name the column (\`ID\`, \`Task\`, \`Status\`, \`Owner\`) to decide otherwise`,
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
