// Terminal tables: the only importer of cli-table3 and chalk. Fitted to the
// terminal width; long titles and notes are cut with `…`.

import Table from 'cli-table3';
import chalk from 'chalk';
import type { Task } from '../model/types.js';
import type { Status } from '../status.js';
import { noteText } from './plain.js';
import { fieldCell, taskFields, type FieldName } from './fields.js';
import { textWidth } from '../text/width.js';

export { textWidth };

// chalk reads FORCE_COLOR and --no-color itself; NO_COLOR (no-color.org) it does not.
if (process.env.NO_COLOR && !process.env.FORCE_COLOR) chalk.level = 0;

const LABEL: Record<Status, string> = {
  done: '✔ done',
  'in-progress': '▶ in progress',
  pending: '○ pending',
  blocked: '✖ blocked',
  cancelled: '– cancelled',
  none: '· none',
};

/** Text in the colour of a status. */
export function paint(status: Status, text: string): string {
  switch (status) {
    case 'done':
      return chalk.green(text);
    case 'in-progress':
      return chalk.yellow(text);
    case 'pending':
      return chalk.cyan(text);
    case 'blocked':
      return chalk.red(text);
    case 'cancelled':
      return chalk.gray(text);
    default:
      return chalk.dim(text);
  }
}

export function statusLabel(s: Status): string {
  return paint(s, LABEL[s]);
}

/**
 * Column widths (content only) that fit `width`: fixed columns keep their
 * natural width, flexible ones share what is left, each down to its minimum.
 */
export function fitColumns(natural: number[], flexible: boolean[], width: number, minimum = 6): number[] {
  const overhead = natural.length * 3 + 1; // "│ " + " " per column, plus the last border
  const out = natural.map((n) => Math.max(1, n));
  let total = out.reduce((a, b) => a + b, 0) + overhead;
  while (total > width) {
    // Shrink the widest flexible column still above the minimum, down to the
    // next widest, so the flexible columns end up sharing the room evenly.
    let widest = -1;
    let second = 0;
    out.forEach((w, i) => {
      if (!flexible[i]) return;
      if (widest < 0 || w > out[widest]!) {
        if (widest >= 0) second = Math.max(second, out[widest]!);
        widest = i;
      } else second = Math.max(second, w);
    });
    if (widest < 0 || out[widest]! <= minimum) break;
    const room = out[widest]! - Math.max(minimum, second);
    const cut = room > 0 ? Math.min(room, total - width) : 1;
    out[widest] = out[widest]! - cut;
    total -= cut;
  }
  return out;
}

export interface Column {
  head: string;
  flexible?: boolean;
}

export function renderTable(columns: Column[], rows: string[][], width: number, colour: (cell: string, col: number, row: number) => string = (c) => c): string {
  const natural = columns.map((c, i) => Math.max(textWidth(c.head), ...rows.map((r) => textWidth(r[i] ?? ''))));
  const widths = fitColumns(natural, columns.map((c) => !!c.flexible), width);
  const table = new Table({
    head: columns.map((c) => chalk.bold(c.head)),
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    truncate: '…',
    // Compact: a rule under the header only, one line per task.
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
  });
  rows.forEach((r, ri) => table.push(r.map((cell, ci) => colour(cell, ci, ri))));
  return `${table.toString()}\n`;
}

export function taskTable(tasks: Task[], width: number): string {
  const hasOwner = tasks.some((t) => t.owner);
  const hasNotes = tasks.some((t) => noteText(t));
  const columns: Column[] = [{ head: 'ID' }, { head: 'Status' }, { head: 'Title', flexible: true }];
  if (hasOwner) columns.push({ head: 'Owner' });
  if (hasNotes) columns.push({ head: 'Notes', flexible: true });
  const rows = tasks.map((t) => {
    const r = [t.id, LABEL[t.status], t.title];
    if (hasOwner) r.push(t.owner ?? '');
    if (hasNotes) r.push(noteText(t) ?? '');
    return r;
  });
  return renderTable(columns, rows, width, (cell, col, row) => (col === 1 ? statusLabel(tasks[row]!.status) : cell));
}

/** `key  value` lines for one task, keys dimmed. */
export function keyValues(pairs: [string, string | null | undefined][]): string {
  const w = Math.max(...pairs.map(([k]) => k.length));
  return (
    pairs
      .filter(([, v]) => v != null && v !== '')
      .map(([k, v]) => `${chalk.dim(k.padEnd(w))}  ${v}`)
      .join('\n') + '\n'
  );
}

export { chalk };

/** A table of the chosen fields only (`--fields`), statuses in colour. */
export function fieldTable(tasks: Task[], fields: readonly FieldName[], width: number): string {
  const columns: Column[] = fields.map((f) => ({ head: f, flexible: f === 'title' || f === 'notes' || f === 'section' }));
  const rows = tasks.map((t) => fields.map((f) => (f === 'status' ? LABEL[t.status] : fieldCell(taskFields(t, fields)[f]))));
  const statusAt = fields.indexOf('status');
  return renderTable(columns, rows, width, (cell, col, row) => (col === statusAt ? statusLabel(tasks[row]!.status) : cell));
}
