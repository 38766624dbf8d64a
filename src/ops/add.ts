// Adding a task: a new row at the end of the task table of the scope asked
// for, with the next id in that table's scheme, laid out like its neighbours.

import { transact, type TransactOptions } from '../edit/transaction.js';
import { cellSlot, checkValue, tableAlignment, type EditContext } from '../edit/task-edits.js';
import { buildFromText } from '../load.js';
import type { Plan, TableInfo, Task } from '../model/types.js';
import { scopeMatches } from '../model/scope.js';
import { PlanError } from '../errors.js';
import { parseStatusArgument, type OpResult } from './set.js';

export interface AddInput {
  title: string;
  week?: string;
  sprint?: string;
  month?: string;
  phase?: string;
  section?: string;
  owner?: string;
  status?: string;
  notes?: string;
}

/** The task tables that match the scope flags given. */
export function targetTables(plan: Plan, input: AddInput): TableInfo[] {
  return plan.tables.filter(
    (t) =>
      t.kind === 'task' &&
      (input.week === undefined || scopeMatches(t.scope.week, input.week)) &&
      (input.sprint === undefined || scopeMatches(t.scope.sprint, input.sprint)) &&
      (input.month === undefined || scopeMatches(t.scope.month, input.month)) &&
      (input.phase === undefined || scopeMatches(t.scope.phase, input.phase)) &&
      (input.section === undefined || (t.section ?? '').toLowerCase().includes(input.section.toLowerCase())),
  );
}

/** The id after the table's last one: `1.4` after `1.3`, `15` after `14`, `CE-010` after `CE-009`. */
export function nextId(ids: string[], taken: Set<string>, fallbackPrefix: string): string {
  let base: { prefix: string; n: number; width: number } | null = null;
  for (let i = ids.length - 1; i >= 0 && !base; i--) {
    const m = /^(.*?)(\d+)$/.exec(ids[i]!);
    if (m) base = { prefix: m[1]!, n: Number(m[2]), width: m[2]!.length };
  }
  if (!base) base = { prefix: fallbackPrefix, n: 0, width: 1 };
  let n = base.n + 1;
  const make = (k: number) => `${base!.prefix}${String(k).padStart(base!.width, '0')}`;
  while (taken.has(make(n).toLowerCase())) n++;
  return make(n);
}

function escapeCell(v: string): string {
  return v.replace(/(?<!\\)\|/g, '\\|').trim();
}

/** Builds the new row from the table's last row: its layout, new cell contents. */
function newRow(ec: EditContext, info: TableInfo, values: (string | null)[]): { row: string; after: number } {
  const text = ec.text;
  const rows = ec.plan.tasks.slice(info.firstTask, info.firstTask + info.taskCount).filter((t) => t.source.type === 'row');
  const last = rows[rows.length - 1];
  const template = last?.source.type === 'row' ? last.source : null;
  const lineStartOf = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  if (!template) {
    // An empty table: copy the header's layout.
    const indent = text.slice(lineStartOf(info.header.start), info.header.start);
    const header = text.slice(info.header.start, info.header.end);
    const lead = header.startsWith('|') ? '| ' : '';
    const trail = header.endsWith('|') ? ' |' : '';
    return { row: indent + lead + values.map((v) => v ?? '').join(' | ') + trail, after: lineEnd(text, info.delimiter.end) };
  }
  const lineStart = lineStartOf(template.row.start);
  const aligned = tableAlignment(ec, info);
  let out = '';
  let at = lineStart;
  template.cells.forEach((c, i) => {
    // An empty template cell (`| |`) takes its text one space after the pipe.
    const cell = cellSlot(text, c);
    const value = values[i] ?? '';
    const old = text.slice(cell.start, cell.end);
    const lead = old === '' && value !== '' && text[cell.start - 1] === '|' ? ' ' : '';
    out += text.slice(at, cell.start) + lead + value;
    at = cell.end;
    let j = cell.end;
    while (text[j] === ' ') j++;
    if (text[j] === '|') {
      // Keep the pipe where it was when the new text fits an aligned column;
      // always leave a space between text and pipe.
      const pad = j - cell.end;
      let next = aligned ? pad + aligned(old) - aligned(lead + value) : pad;
      if (next < 1 && (aligned || value !== '')) next = 1;
      out += ' '.repeat(Math.max(0, next));
      at = j;
    }
  });
  out += text.slice(at, template.row.end);
  return { row: out, after: lineEnd(text, template.row.end) };
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  if (nl === -1) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

export async function addOp(path: string, input: AddInput, opts: TransactOptions): Promise<OpResult> {
  for (const [k, v] of Object.entries(input)) if (typeof v === 'string') checkValue(v, `the ${k}`);
  if (!input.title.trim()) throw new PlanError('the title is empty; give the task a title');
  if (input.status !== undefined) parseStatusArgument(input.status);
  const r = await transact(path, opts, ({ plan, display }, ec) => {
    const tables = targetTables(plan, input);
    if (tables.length === 0) {
      const scoped = (['week', 'sprint', 'month', 'phase', 'section'] as const).some((k) => input[k] !== undefined);
      throw new PlanError(
        scoped
          ? `${display}: no task table matches the scope given; add a table under that heading first, or check with \`plan list\``
          : `${display}: the plan has no task table to add to; start one (a header row like \`| # | Task | Status |\` and its \`|---|\` line) first`,
      );
    }
    if (tables.length > 1) {
      const list = tables.map((t) => `  line ${t.line}: ${t.section ?? '(no heading)'}`).join('\n');
      throw new PlanError(`${display}: ${tables.length} task tables match; pick one with --week, --sprint or --section:\n${list}`);
    }
    const info = tables[0]!;
    const status = parseStatusArgument(input.status ?? 'pending', plan.statusExtension);
    const rows = plan.tasks.slice(info.firstTask, info.firstTask + info.taskCount);
    // Never an id the file already uses anywhere: the seed numbers its tasks
    // across tables (2–4 under Sprint 8, 5–9 in Week 2), so `5` would be ambiguous.
    const taken = new Set(plan.tasks.map((t) => t.id.toLowerCase()));
    const c = info.columns;
    const id =
      c.id !== undefined
        ? nextId(rows.filter((t) => t.idFromFile).map((t) => t.id), taken, info.scope.week ? `${info.scope.week}.` : '')
        : null;
    const values: (string | null)[] = info.headers.map(() => null);
    if (c.id !== undefined) values[c.id] = id;
    if (c.title !== undefined) values[c.title] = escapeCell(input.title);
    if (c.status !== undefined) values[c.status] = ec.style.textFor(status, plan.tables.indexOf(info));
    if (c.owner !== undefined && input.owner) values[c.owner] = escapeCell(input.owner);
    if (c.notes !== undefined && input.notes) values[c.notes] = escapeCell(input.notes);
    if (input.owner && c.owner === undefined) throw new PlanError(`${display}:${info.line}: the table has no owner column; leave out --owner`);
    if (input.notes && c.notes === undefined) throw new PlanError(`${display}:${info.line}: the table has no notes column; leave out --notes`);
    const { row, after } = newRow(ec, info, values);
    const eol = plan.eol;
    return { edits: [{ start: after, end: after, expect: '', text: eol + row }], value: { line: lineOfOffset(ec.text, after) + 1 } };
  });
  const after = await buildFromText(path, r.text, false);
  const task = after.tasks.find((t) => t.line === r.value.line);
  if (!task) throw new PlanError(`${r.display}: the new row was written but could not be read back at line ${r.value.line}; check the file`);
  return { before: task, task, changed: r.changed, written: r.written, diff: r.diff, display: r.display };
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export type { Task };
