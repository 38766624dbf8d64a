// Adding a task: a new row at the end of the task table of the scope asked
// for, with the next id in that table's scheme, laid out like its neighbours;
// or a new item at the end of the task list of that scope, in its style.

import { transact, type TransactOptions } from '../write/transaction.js';
import { checkMarkName, checkValue, type EditContext } from '../write/task-edits.js';
import { checklistHeadsAbove, onlyChecklistMoved } from '../write/verify.js';
import { cellSlot, tableAlignment } from '../write/layout.js';
import { applyEdits, type Edit } from '../write/splice.js';
import { newRowMarks } from '../write/mark-move.js';
import { buildFromText } from '../load/load.js';
import { SCOPE_KINDS, type Plan, type Scope, type ScopeKind, type TableInfo, type Task } from '../model/types.js';
import { ownerMark } from '../read/owner-mark.js';
import { scopeMatches } from '../read/scope-range.js';
import { escapeCell } from '../text/plain.js';
import { lineEndAt, lineOf, lineStartAt } from '../text/lines.js';
import { PlanError } from '../system/errors.js';
import { idKey } from '../read/ids.js';
import { isOpen } from '../model/status.js';
import { parseStatusArgument, type OpResult } from './set.js';
import { newItem, taskLists, type TaskList } from './add-item.js';
import { entryAddEdit, entryList } from '../write/entry-add.js';
import { fieldReadBack, hasFieldChanges, newItemMarks, parseFieldArgs, rowFieldValues, type FieldArgs, type FieldChanges } from '../write/field-text.js';

/** Where the new task goes (a scope's and a section's table or list), and what it holds. */
export interface AddInput extends Partial<Record<ScopeKind, string>>, Omit<FieldArgs, 'untag'> {
  title: string;
  section?: string;
  owner?: string;
  status?: string;
  notes?: string;
  /** In a plan of several files, the file the task goes to (src/actions/target.ts). */
  in?: string;
}

/** Whether a table's or list's scope and section match the flags given. */
function inScope(scope: Scope, section: string | null, input: AddInput): boolean {
  return (
    SCOPE_KINDS.every((k) => input[k] === undefined || scopeMatches(scope[k], input[k])) &&
    (input.section === undefined || (section ?? '').toLowerCase().includes(input.section.toLowerCase()))
  );
}

/** The task tables that match the scope flags given. */
function targetTables(plan: Plan, input: AddInput): TableInfo[] {
  // A board whose columns are its lanes has no cell for a title or a status of a new row's: not added to.
  return plan.tables.filter((t) => t.kind === 'task' && !t.lanes && inScope(t.scope, t.section, input));
}

/** The task lists that match the scope flags given. */
function targetLists(plan: Plan, text: string, input: AddInput): TaskList[] {
  return taskLists(plan, text).filter((l) => inScope(l.tasks[0]!, l.section, input));
}

/** The id after the table's last one (`taken`: the ids in use, by idKey): `1.4` after `1.3`, `15` after `14`, `CE-010` after `CE-009`, `5.E` after `5.D`. */
function nextId(ids: string[], taken: Set<string>, fallbackPrefix: string): string {
  let base: { prefix: string; n: number; width: number } | null = null;
  for (let i = ids.length - 1; i >= 0 && !base; i--) {
    const m = /^(.*?)(?<!\d)(\d+)$/.exec(ids[i]!);
    if (m) base = { prefix: m[1]!, n: Number(m[2]), width: m[2]!.length };
    const letter = /^(.*[^A-Za-z])([A-Y])$/.exec(ids[i]!);
    if (!base && letter) {
      for (let c = letter[2]!.charCodeAt(0) + 1; c <= 90; c++) {
        const id = letter[1]! + String.fromCharCode(c);
        if (!taken.has(idKey(id))) return id;
      }
    }
  }
  if (!base) base = { prefix: fallbackPrefix, n: 0, width: 1 };
  let n = base.n + 1;
  const make = (k: number) => `${base!.prefix}${String(k).padStart(base!.width, '0')}`;
  while (taken.has(idKey(make(n)))) n++;
  return make(n);
}

/** Builds the new row from the table's last row: its layout, new cell contents. */
function newRow(ec: EditContext, info: TableInfo, values: (string | null)[]): { row: string; after: number } {
  const text = ec.text;
  const rows = ec.plan.tasks.slice(info.firstTask, info.firstTask + info.taskCount).filter((t) => t.source.type === 'row');
  const last = rows[rows.length - 1];
  const template = last?.source.type === 'row' ? last.source : null;
  if (!template) {
    // An empty table: copy the header's layout.
    const indent = text.slice(lineStartAt(text, info.header.start), info.header.start);
    const header = text.slice(info.header.start, info.header.end);
    const lead = header.startsWith('|') ? '| ' : '';
    const trail = header.endsWith('|') ? ' |' : '';
    return { row: indent + lead + values.map((v) => v ?? '').join(' | ') + trail, after: lineEndAt(text, info.delimiter.end) };
  }
  const lineStart = lineStartAt(text, template.row.start);
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
  return { row: out, after: lineEndAt(text, template.row.end) };
}

export async function addOp(path: string, input: AddInput, opts: TransactOptions): Promise<OpResult> {
  for (const [k, v] of Object.entries(input)) if (typeof v === 'string') checkValue(v, `the ${k}`);
  if (!input.title.trim()) throw new PlanError('the title is empty; give the task a title');
  const fields = parseFieldArgs(input);
  const r = await transact(path, opts, async ({ plan, display }, ec) => {
    // A table of the scope first; where the scope has none, its task list.
    let tables = targetTables(plan, input);
    let lists = tables.length ? [] : targetLists(plan, ec.text, input);
    const remarks: string[] = [];
    const scoped = [...SCOPE_KINDS, 'section' as const].some((k) => input[k] !== undefined);
    if (!scoped && tables.length + lists.length > 1) {
      // No scope given: the table or list of the current work, when one is.
      const current = currentWork(
        tables.map((t) => plan.tasks.slice(t.firstTask, t.firstTask + t.taskCount)),
        lists.map((l) => l.tasks),
      );
      if (current !== null) {
        const [where, line] = tables.length ? [tables[current]!.section, tables[current]!.line] : [lists[current]!.section, lists[current]!.line];
        tables = tables.length ? [tables[current]!] : [];
        lists = lists.length ? [lists[current]!] : [];
        remarks.push(`no scope given: added to the ${tables.length ? 'table' : 'list'} of the current work, ${where ?? '(no heading)'} (line ${line})`);
      }
    }
    const found = tables.length + lists.length;
    // A plan whose only list of tasks is its front matter's (Cursor's `todos:`): the new task is an entry of it.
    const entries = found === 0 && !scoped ? entryList(ec) : null;
    if (entries) return entryAdd(ec, entries, input, fields);
    if (found === 0) {
      throw new PlanError(
        scoped
          ? `${display}: no task table or task list matches the scope given; add one under that heading first, or check with \`plan list\``
          : `${display}: the plan has no task table or task list to add to; start one (a header row like \`| # | Task | Status |\` and its \`|---|\` line, or a \`- [ ] \` item) first`,
      );
    }
    if (found > 1) {
      const where = [
        ...tables.map((t) => `  line ${t.line}: ${t.section ?? '(no heading)'}`),
        ...lists.map((l) => `  line ${l.line}: ${l.section ?? '(no heading)'}`),
      ].join('\n');
      const what = tables.length ? 'task tables' : 'task lists';
      const scopes = [...tables.map((t) => t.scope), ...lists.map((l) => l.tasks[0]!)];
      throw new PlanError(`${display}: ${found} ${what} match; pick one with ${pickingFlags(scopes)}:\n${where}`);
    }
    // Never an id the file already uses anywhere: the seed numbers its tasks
    // across tables (2–4 under Sprint 8, 5–9 in Week 2), so `5` would be ambiguous.
    const taken = new Set(plan.tasks.map((t) => idKey(t.id)));
    const edit = tables.length ? rowEdit(ec, tables[0]!, input, taken, fields) : await itemEdit(ec, lists[0]!, input, taken, fields);
    const line = lineOf(ec.text, edit.start) + 1;
    // The new task must read back with its fields, every other task as before.
    if (hasFieldChanges(fields)) await fieldReadBack(ec, [edit], null, line, fields, 'adding the task with these fields');
    const readBack = hasFieldChanges(fields) ? null : await readsBack(ec, edit, line);
    return { edits: [edit], value: { line, readBack }, remarks };
  });
  // The text read back before writing is the text written unless a stamp was added: then it is read again.
  const readBack = (r.value as { readBack?: { text: string; plan: Plan } | null }).readBack;
  const after = readBack?.text === r.text ? readBack.plan : await buildFromText(path, r.text, false);
  const task = after.tasks.find((t) => t.line === r.value.line);
  if (!task) throw new PlanError(`${r.display}: the new task was written but could not be read back at line ${r.value.line}; check the file`);
  return { before: task, task, changed: r.changed, written: r.written, diff: r.diff, display: r.display, remarks: r.remarks };
}

/**
 * The new row or item reads back as a task on its line, before a byte is written: a title that reads as no task
 * there (`| 9 |` in a table whose header names nothing reads as a tally) is refused, not written and then reported.
 */
async function readsBack(ec: EditContext, edit: Edit, line: number): Promise<{ text: string; plan: Plan }> {
  const next = applyEdits(ec.text, [edit], ec.file);
  const again = await buildFromText(ec.file, next, false);
  const added = again.tasks.find((t) => t.line === line);
  if (!added) throw new PlanError(`${ec.file}:${line}: the new task would not read back as a task there; nothing was written (add it by hand)`);
  // The other tasks read as before: a new row can tip how a table's columns are read (a column of names no longer repeating).
  const others = again.tasks.filter((t) => t !== added);
  // A heading whose status its checklist adds up to (Task.statusFrom) may change with a new box: that is the point of it.
  const same = (a: Task, b: Task) => a.id === b.id && a.title === b.title && a.owner === b.owner && (a.status === b.status || b.statusFrom === 'checklist');
  if (others.length !== ec.plan.tasks.length || !others.every((t, i) => same(t, ec.plan.tasks[i]!))) {
    throw new PlanError(`${ec.file}:${line}: a new task here would change how other tasks read; nothing was written (add it by hand)`);
  }
  return { text: next, plan: again };
}

/** A new entry of the front matter's to-do list, read back: one more task, with the title and status asked, the others as they were. */
async function entryAdd(ec: EditContext, list: Task[], input: AddInput, fields: FieldChanges) {
  if (hasFieldChanges(fields) || input.notes) {
    throw new PlanError(
      `${ec.file}:${list[0]!.line}: a front-matter to-do entry holds a title and a status here; nothing was written (leave out --notes and the fields)`,
    );
  }
  const status = parseStatusArgument(input.status ?? 'pending', ec.plan.statusExtension);
  const taken = new Set(ec.plan.tasks.map((t) => idKey(t.id)));
  const owner = input.owner?.trim();
  const edit = entryAddEdit(ec, list, { title: input.title.trim(), status, ...(owner ? { owner } : {}) }, taken);
  const next = ec.text.slice(0, edit.start) + edit.text + ec.text.slice(edit.end);
  const again = await buildFromText(ec.file, next, false);
  const line = lineOf(next, edit.start) + 1;
  const added = again.tasks.find((t) => t.line === line);
  const others = again.tasks.filter((t) => t !== added);
  const same = (a: Task, b: Task) => a.id === b.id && a.title === b.title && a.status === b.status && a.owner === b.owner;
  if (
    !added ||
    added.title !== input.title.trim() ||
    added.status !== status ||
    others.length !== ec.plan.tasks.length ||
    !others.every((t, i) => same(t, ec.plan.tasks[i]!))
  ) {
    throw new PlanError(
      `${ec.file}:${list[0]!.line}: a new entry of the front matter's to-do list would not read back as asked; nothing was written (add it by hand)`,
    );
  }
  return { edits: [edit], value: { line }, remarks: [] as string[] };
}

/**
 * Which of several tables (or lists) holds the current work: the one with the
 * tasks in progress, else the first with open tasks; null when tasks are in
 * progress in more than one (then the scope must be given).
 */
function currentWork(tables: Task[][], lists: Task[][]): number | null {
  const groups = tables.length ? tables : lists;
  const working = groups.flatMap((g, i) => (g.some((t) => t.status === 'in-progress') ? [i] : []));
  if (working.length === 1) return working[0]!;
  if (working.length > 1) return null;
  const open = groups.findIndex((g) => g.some((t) => isOpen(t.status)));
  return open < 0 ? null : open;
}

/** The flags to pick one of several tables: --week, --sprint, the other scopes they differ in, --section. */
function pickingFlags(scopes: Scope[]): string {
  const differ = SCOPE_KINDS.filter((k) => k !== 'week' && k !== 'sprint' && new Set(scopes.map((s) => s[k])).size > 1);
  return `${['week', 'sprint', ...differ].map((k) => `--${k}`).join(', ')} or --section`;
}

function rowEdit(ec: EditContext, info: TableInfo, input: AddInput, taken: Set<string>, fields: FieldChanges): Edit {
  const { plan, file: display } = ec;
  const status = parseStatusArgument(input.status ?? 'pending', plan.statusExtension);
  const rows = plan.tasks.slice(info.firstTask, info.firstTask + info.taskCount);
  const c = info.columns;
  const id =
    c.id !== undefined
      ? nextId(
          rows.filter((t) => t.idFromFile).map((t) => t.id),
          taken,
          info.scope.week ? `${info.scope.week}.` : '',
        )
      : null;
  const values: (string | null)[] = info.headers.map(() => null);
  if (c.id !== undefined) values[c.id] = id;
  if (c.title !== undefined) values[c.title] = escapeCell(input.title.trim());
  if (c.status !== undefined) values[c.status] = ec.style.textFor(status, plan.tables.indexOf(info));
  // A table with a column per state (`| Task | Todo | Done |`, `| Task | Completed |`): a mark in the status's column.
  if (info.states) for (const [column, mark] of newRowMarks(ec, display, info.line, info.states, info.headers, status)) values[column] = mark;
  if (c.owner !== undefined && input.owner) values[c.owner] = escapeCell(input.owner.trim());
  if (c.notes !== undefined && input.notes) values[c.notes] = escapeCell(input.notes.trim());
  const owner = input.owner?.trim();
  if (owner && c.owner === undefined) {
    // No Owner column: the owner is an @name mark closing the status cell, as a claim writes it.
    if (c.status === undefined) throw new PlanError(`${display}:${info.line}: the table has neither an Owner nor a Status column; leave out --owner`);
    checkMarkName(owner, `${display}:${info.line}: the table has no Owner column`);
    values[c.status] = `${values[c.status]} ${ownerMark(owner)}`;
  }
  if (input.notes && c.notes === undefined) throw new PlanError(`${display}:${info.line}: the table has no notes column; leave out --notes`);
  rowFieldValues(ec, info, fields, values);
  const { row, after } = newRow(ec, info, values);
  return { start: after, end: after, expect: '', text: plan.eol + row };
}

/** The new item, checked by reading the file it would make: exactly one more task, the others unchanged. */
async function itemEdit(ec: EditContext, list: TaskList, input: AddInput, taken: Set<string>, fields: FieldChanges): Promise<Edit> {
  const { plan, file: display } = ec;
  const status = input.status === undefined ? null : parseStatusArgument(input.status, plan.statusExtension);
  const owner = input.owner?.trim();
  if (owner) checkMarkName(owner, `${display}:${list.line}: a list item has no Owner column`);
  const ids = list.tasks.filter((t) => t.idFromFile).map((t) => t.id);
  const id = ids.length ? nextId(ids, taken, '') : null;
  const marks = hasFieldChanges(fields) ? newItemMarks(ec, fields, list.line) : undefined;
  const { line, after } = newItem(ec, list, { title: input.title.trim(), id, status, owner, notes: input.notes?.trim(), ...(marks ? { marks } : {}) });
  const edit: Edit = { start: after, end: after, expect: '', text: plan.eol + line };
  const next = ec.text.slice(0, after) + edit.text + ec.text.slice(after);
  const again = await buildFromText(display, next, false);
  // Positional ids (`L12`) after the new line move down by one; the rest must read as before.
  const same = (a: Task, b: Task) =>
    (a.idFromFile ? a.id === b.id : !b.idFromFile) && a.title === b.title && a.status === b.status && a.notes === b.notes && a.owner === b.owner;
  const added = again.tasks.findIndex((t) => t.line === lineOf(next, after) + 1);
  const others = again.tasks.filter((_, i) => i !== added);
  // A heading's status that its checklist gives may follow the new item (Task.statusFrom).
  const heads = checklistHeadsAbove(plan, lineOf(next, after) + 1);
  const unchanged = (t: Task, i: number) => same(t, plan.tasks[i]!) || onlyChecklistMoved(plan.tasks[i]!, t, heads, same);
  // The new line itself may read as no task (`(Follow up)` holds a place, `**Status:** x` is a field): say so, not that others moved.
  if (added < 0 && again.tasks.length === plan.tasks.length && again.tasks.every(unchanged)) {
    throw new PlanError(
      `${display}:${list.line}: "${input.title.trim()}" would not read as a task there (a placeholder, a field or a legend entry); nothing was written, give it other words`,
    );
  }
  if (added < 0 || others.length !== plan.tasks.length || !others.every(unchanged)) {
    throw new PlanError(`${display}:${list.line}: a new item here would change how other items read; nothing was written (add it by hand)`);
  }
  return edit;
}
