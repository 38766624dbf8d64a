// `--fields` on a terminal: borderless aligned columns of just those fields,
// the title (or notes, section) wrapped to what the others leave.

import type { Task } from '../model/types.js';
import { chalk, paint, statusText } from './colour.js';
import { GAP, rowLines, type Cell } from './columns.js';
import { fieldCell, taskFields, type FieldName } from './lean.js';
import { textWidth } from '../text/width.js';

const FLEXIBLE = new Set<FieldName>(['title', 'notes', 'section', 'group', 'statusText', 'fields', 'dependsOn']);

export function fieldTable(tasks: Task[], fields: readonly FieldName[], width: number): string {
  const rows = tasks.map((t) => {
    const values = taskFields(t, fields);
    return fields.map((f) => (f === 'status' ? statusText(t.status) : fieldCell(values[f])));
  });
  const natural = fields.map((f, i) => Math.max(textWidth(f), ...rows.map((r) => textWidth(r[i]!))));
  const flexible = fields.map((f) => FLEXIBLE.has(f));
  const fixed = natural.reduce((sum, w, i) => sum + (flexible[i] ? 0 : w), 0) + GAP.length * (fields.length - 1);
  const wanted = natural.reduce((sum, w, i) => sum + (flexible[i] ? w : 0), 0);
  const room = Math.max(10 * flexible.filter(Boolean).length, width - fixed);
  // Flexible columns share the room in proportion to what they hold.
  const widths = natural.map((w, i) => (flexible[i] && wanted > room ? Math.max(10, Math.floor((w * room) / wanted)) : w));
  const head = rowLines(
    fields.map((f): Cell => ({ text: f, paint: chalk.bold })),
    widths,
  );
  const body = rows.flatMap((r, k) =>
    rowLines(
      r.map((text, i): Cell => (fields[i] === 'status' ? { text, paint: (line) => paint(tasks[k]!.status, line) } : { text })),
      widths,
    ),
  );
  return `${[...head, ...body].join('\n')}\n`;
}
