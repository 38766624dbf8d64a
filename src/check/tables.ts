// Table shape: rows whose cell count differs from the header's, and task tables
// without an id column.

import type { Problem } from '../model/types.js';
import type { CheckInput, Finding } from './types.js';
import { some } from './collapse.js';

export function checkRaggedRows({ plan }: CheckInput): Finding[] {
  const problems: Finding[] = [];
  plan.tables.forEach((table, index) => {
    const want = table.headers.length;
    const group = {
      key: `ragged-row:${index}`,
      summary: (all: Finding[]) =>
        `${all.length} rows of this table (lines ${some(all.map((f) => String(f.line)))}) have more or fewer cells than its header ` +
        `(line ${table.line}, ${want} cells): add the missing cells, or a header column for the extra ones (escape a literal | as \\|)`,
    };
    for (const [line, cells] of table.ragged) {
      problems.push({
        line,
        column: 1,
        severity: 'warning',
        code: 'ragged-row',
        message:
          `table row has ${cells} ${cells === 1 ? 'cell' : 'cells'} but its header (line ${table.line}) has ${want}; ` +
          (cells > want
            ? `Markdown drops the extra ${cells - want === 1 ? 'cell' : 'cells'}: add a header column or merge the cells (escape a literal | as \\|)`
            : `add the missing ${want - cells === 1 ? 'cell' : 'cells'} (an empty \`|  |\` will do)`),
        group,
      });
    }
  });
  return problems;
}

export function checkIdColumns({ plan }: CheckInput): Problem[] {
  const problems: Problem[] = [];
  for (const table of plan.tables) {
    // A board's cards (`| To do | Doing | Done |`) have no cell for an id: a column of ids would not name them.
    if (table.kind !== 'task' || table.columns.id !== undefined || table.taskCount === 0 || table.lanes) continue;
    const first = plan.tasks[table.firstTask];
    const example = first ? ` (${first.id}, …)` : '';
    problems.push({
      line: table.line,
      column: 1,
      severity: 'warning',
      code: 'no-id-column',
      message: `task table has no id column, so its tasks get references derived from their titles${example} that change when a title does; add a first column \`#\` or \`ID\` with an id per row`,
    });
  }
  return problems;
}
