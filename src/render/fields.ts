// `plan show` and `plan next` on a terminal: a two-column field view (like
// `task info`), each value wrapped at word boundaries under its own column.

import type { Status } from '../model/status.js';
import { chalk, paint, statusText } from './colour.js';
import { rowLines } from './columns.js';
import { textWidth } from '../text/width.js';

export interface Field {
  key: string;
  value: string | null | undefined;
  /** Paints the value in this status's colour. */
  status?: Status;
}

/** A task's status as the field view shows it: `▶ in progress (🔄 Next)`. */
export function statusField(status: Status, written: string): Field {
  return { key: 'status', value: `${statusText(status)}${written ? ` (${written})` : ''}`, status };
}

/** One line per field (more when a value wraps); empty values are left out. */
export function fieldView(fields: Field[], width: number): string {
  const shown = fields.filter((f): f is Field & { value: string } => f.value != null && f.value !== '');
  const keyWidth = Math.max(...shown.map((f) => textWidth(f.key)));
  const valueWidth = Math.max(10, width - keyWidth - 2);
  const lines = shown.flatMap((f) =>
    rowLines(
      [
        { text: f.key, paint: chalk.dim },
        { text: f.value, paint: f.status && ((line) => paint(f.status!, line)) },
      ],
      [keyWidth, valueWidth],
    ),
  );
  return `${lines.join('\n')}\n`;
}
