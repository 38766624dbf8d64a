// A list of tasks (plan list, plan ready): the terminal view, TSV or JSON, all
// fields or the ones --fields names, at most --limit of them.

import type { Task } from '../model/types.js';
import { SCHEMA_VERSION, toJson } from './json.js';
import { fieldsTsv, taskFields, type FieldName } from './lean.js';
import { plainTasks } from './plain.js';
import { sortTasks } from '../query/sort.js';
import type { Printer } from './printer.js';

/** How the terminal view is laid out (piped and JSON output ignore these). */
export interface ListView {
  /** Every column at full width, unwrapped. */
  wide?: boolean;
  /** `heading` (the default) groups tasks under their heading; `none` gives one flat list. */
  group?: 'heading' | 'none';
}

/** What to print of each task, and how many tasks at most. */
export interface Lean {
  fields: FieldName[] | null;
  limit?: number;
  /** `--sort` keys (src/query/sort.ts), applied before the limit. */
  sort?: string;
}

/** Prints tasks as the terminal view, TSV or JSON (`extra` joins the JSON object). */
export async function printTasks(
  ctx: Printer,
  display: string,
  tasks: Task[],
  lean: Lean,
  view: ListView = {},
  extra: Record<string, unknown> = {},
): Promise<void> {
  const sorted = sortTasks(tasks, lean.sort);
  const shown = lean.limit !== undefined ? sorted.slice(0, lean.limit) : sorted;
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, tasks: shown.map((t) => taskFields(t, lean.fields)), ...extra }));
  } else if (ctx.mode === 'plain') {
    ctx.out(lean.fields ? fieldsTsv(shown, lean.fields) : plainTasks(shown));
  } else if (shown.length > 0 && lean.fields) {
    const { fieldTable } = await import('./lean-table.js');
    ctx.out(fieldTable(shown, lean.fields, ctx.width));
  } else if (shown.length > 0) {
    const { listView } = await import('./list.js');
    ctx.out(listView(shown, { width: ctx.width, wide: view.wide, grouped: view.group !== 'none' }));
  }
}
