// Where each field of a task came from (`plan show --explain`, MCP show_task
// explain): the block and line, the column and the evidence that gave it its
// role (a setting, a header word, the cells' shape), the status words read.
// Worked out from the model when asked, so that reading costs nothing more:
// the model already keeps each row's columns and each table's settings.

import { headerRole, normaliseHeader } from '../read/columns.js';
import { normaliseKey } from '../read/read-config.js';
import type { ColumnRole, Plan, TableInfo, Task } from '../model/types.js';
import { Vocabulary } from '../model/status.js';
import { loadPlan, type Loaded } from '../load/load.js';
import { checklistOf } from '../read/passes/checklist-status.js';

interface FieldOrigin {
  field: string;
  /** Where in the file: `column 2 "Detail"`, `the item text`, `the heading`. */
  from: string;
  line: number;
  /** Why that place gave the field: `config`, `header word`, `cell shape`, `id pattern`, `text`, `derived`, `heading above`. */
  by: string;
  /** The evidence in words (the setting, the header word, what the cells hold). */
  detail: string;
}

export interface Explanation {
  /** The block the task was read from, and its line. */
  block: { type: 'row' | 'item' | 'heading' | 'entry'; line: number; table?: number };
  fields: FieldOrigin[];
  /** The status as written, what it reads as, and the words or mark that said so. */
  status: { text: string; reads: string; words: string | null };
}

const SHAPE: Partial<Record<ColumnRole, string>> = {
  id: 'its cells are short unique codes',
  title: 'the first column of words that holds no other role',
  status: 'most of its cells are status words or marks',
  owner: 'its cells are @handles',
};

/** Line of an offset in `text` (1-based), or the fallback when the text is not at hand. */
function lineAt(text: string | undefined, offset: number, fallback: number): number {
  if (text === undefined) return fallback;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function columnOrigin(plan: Plan, table: TableInfo, role: ColumnRole, i: number, line: number): FieldOrigin {
  const header = table.headers[i] ?? '';
  const from = `column ${i + 1} ${JSON.stringify(header.trim())}`;
  const setting = plan.read?.columns[normaliseKey(header)];
  if (table.configured?.includes(i) && setting) {
    return { field: role, from, line, by: 'config', detail: `read.columns ${JSON.stringify(setting.header)}: "${setting.role}" in ${setting.from}` };
  }
  if (role === 'id' && table.idsByPattern && plan.read?.ids) {
    return { field: role, from, line, by: 'id pattern', detail: `its cells match read.ids /${plan.read.ids.pattern}/ (${plan.read.ids.from})` };
  }
  if (table.kind === 'week' && i === 0) return { field: role, from, line, by: 'header word', detail: `${JSON.stringify(header.trim())} names periods` };
  const named = headerRole(header);
  if (named === role) return { field: role, from, line, by: 'header word', detail: `${JSON.stringify(normaliseHeader(header))} names the ${role}` };
  const against = named ? ` (its header names the ${named})` : '';
  return { field: role, from, line, by: 'cell shape', detail: `${SHAPE[role] ?? 'what its cells hold'}${against}` };
}

function rowFields(plan: Plan, task: Task & { source: { type: 'row' } }): FieldOrigin[] {
  const table = plan.tables[task.source.table]!;
  const out: FieldOrigin[] = [];
  const roles = (Object.entries(task.source.columns) as [ColumnRole, number][]).sort((a, b) => a[1] - b[1]);
  for (const [role, i] of roles) out.push(columnOrigin(plan, table, role, i, task.line));
  for (const i of table.configured ?? []) {
    const setting = plan.read?.columns[normaliseKey(table.headers[i] ?? '')];
    if (setting?.role !== 'ignore') continue;
    const from = `column ${i + 1} ${JSON.stringify(table.headers[i]!.trim())}`;
    out.push({ field: 'ignored', from, line: task.line, by: 'config', detail: `read.columns ${JSON.stringify(setting.header)}: "ignore" in ${setting.from}` });
  }
  if (task.source.columns.id === undefined) out.unshift(idOrigin(task, table.codedTitles ? 'the title cell, which starts with the id' : null));
  else if (table.numberedNames)
    out.push({ field: 'title', from: 'the id cell', line: task.line, by: 'cell shape', detail: 'its cells number and name the task (`1. Name`)' });
  const lane = table.lanes?.find((l) => l.column === task.source.columns.title);
  if (lane) {
    const header = table.headers[lane.column]!.trim();
    const from = `column ${lane.column + 1} ${JSON.stringify(header)}`;
    out.push({ field: 'status', from, line: task.line, by: 'header word', detail: `the card stands in the ${JSON.stringify(header)} lane of a board` });
  } else if (task.source.columns.status === undefined) {
    const detail = table.defaultStatus ? `the table has no status column; the heading above says ${table.defaultStatus}` : 'the table has no status column';
    out.push({ field: 'status', from: 'the heading above', line: task.line, by: 'heading above', detail });
  }
  return out;
}

function idOrigin(task: Task, written: string | null): FieldOrigin {
  if (task.idFromFile)
    return { field: 'id', from: written ?? 'the text', line: task.line, by: 'text', detail: `${JSON.stringify(task.id)} written in the file` };
  return {
    field: 'id',
    from: 'the title and group',
    line: task.line,
    by: 'derived',
    detail: 'no id in the file: a reference derived from the title and group',
  };
}

/** Where each field of `task` came from; `text` (the file's) gives the lines of statuses written away from the task. */
function explainTask(plan: Plan, task: Task, text?: string): Explanation {
  const vocab = Vocabulary.of(plan.statusExtension);
  const reading = vocab.read(task.statusText);
  const marks = [reading.emoji, reading.word].filter((w): w is string => !!w).join(' ');
  const words = marks || (reading.status === 'none' ? null : task.statusText.slice(Math.max(0, reading.start), reading.end).trim() || null);
  const status = { text: task.statusText, reads: task.status, words };
  const src = task.source;
  if (src.type === 'entry') return { block: { type: 'entry', line: task.line }, fields: entryFields(task, src, text), status };
  if (src.type === 'row') {
    return {
      block: { type: 'row', line: task.line, table: plan.tables[src.table]!.line },
      fields: rowFields(plan, task as Task & { source: { type: 'row' } }),
      status,
    };
  }
  const fields: FieldOrigin[] = [idOrigin(task, src.type === 'item' ? 'the start of the item text' : 'the start of the heading')];
  if (src.type === 'item') {
    fields.push({ field: 'title', from: 'the item text', line: task.line, by: 'text', detail: 'after its box, status mark and id' });
    const [from, detail] = src.statusMark
      ? ['the mark at the start of the item', 'a status mark']
      : src.statusTail
        ? ['the words after the title', 'status words after the title']
        : src.checkbox
          ? ['the checkbox', src.checked ? '[x]: done' : '[ ]: not done']
          : ['the heading above', 'the items under it share its status'];
    fields.push({ field: 'status', from, line: task.line, by: from === 'the heading above' ? 'heading above' : 'text', detail });
  } else {
    fields.push({ field: 'title', from: 'the heading', line: task.line, by: 'text', detail: 'its text without id and status' });
    fields.push(headingStatusOrigin(plan, task, src, text));
  }
  return { block: { type: src.type, line: task.line }, fields, status };
}

/** Where an entry of the front matter's to-do list got its fields: its own keys. */
function entryFields(task: Task, src: Extract<Task['source'], { type: 'entry' }>, text?: string): FieldOrigin[] {
  const key = (k: string, line: number, detail: string): FieldOrigin => ({ field: k, from: 'the entry', line, by: 'text', detail });
  const fields = [
    task.idFromFile ? key('id', task.line, 'its `id:` value') : idOrigin(task, 'the entry'),
    key('title', src.text ? lineAt(text, src.text.start, task.line) : task.line, 'its `content:` (or `title:`) value'),
    src.status ? key('status', lineAt(text, src.status.start, task.line), 'its `status:` value') : key('status', task.line, 'no status written'),
  ];
  return fields;
}

/** Where a heading task's status came from: the heading, a line below it, the checklist under it, or nowhere. */
function headingStatusOrigin(plan: Plan, task: Task, src: Extract<Task['source'], { type: 'heading' }>, text?: string): FieldOrigin {
  const boxes = checklistOf(plan, task);
  if (boxes.length) {
    const ticked = boxes.filter((b) => b.status === 'done').length;
    const lines = `${boxes[0]!.line}–${boxes.at(-1)!.line}`;
    const detail = `${ticked} of ${boxes.length} boxes ticked (lines ${lines})`;
    return { field: 'status', from: 'the checklist under it', line: boxes[0]!.line, by: 'derived', detail };
  }
  const inside = src.status && src.status.start >= src.heading.start && src.status.end <= src.heading.end;
  const line = src.status ? lineAt(text, src.status.start, task.line) : task.line;
  const from = !src.status ? 'nowhere' : inside ? 'the heading' : 'a line below the heading (a `Status:` field or a ledger row)';
  return { field: 'status', from, line, by: 'text', detail: src.status ? 'status words or a mark' : 'no status written' };
}

/** The explanation as field lines for the terminal and TSV views. */
export function explainLines(e: Explanation): Record<string, string> {
  const blocks = { item: 'a list item', heading: 'a heading', entry: "an entry of the front matter's to-do list" };
  const block = e.block.type === 'row' ? `a row of the table at line ${e.block.table}` : blocks[e.block.type];
  const out: Record<string, string> = { 'read from': `${block} (line ${e.block.line})` };
  for (const f of e.fields) {
    const key = `${f.field} from`;
    const text = `${f.from}${f.line !== e.block.line ? ` (line ${f.line})` : ''}: ${f.by}, ${f.detail}`;
    out[key] = out[key] ? `${out[key]}; ${text}` : text;
  }
  out['status words'] = e.status.words ? `${JSON.stringify(e.status.words)} read as ${e.status.reads}` : `none known (read as ${e.status.reads})`;
  return out;
}

/** explainTask on a loaded plan: in a plan of several files, on the task's own file (its tables, its text). */
export async function explainLoadedTask(loaded: Loaded, task: Task): Promise<Explanation> {
  const { plan } = loaded;
  const part = plan.parts?.find((p) => p.file === task.file);
  if (!part) return explainTask(plan, task, loaded.text);
  const own = await loadPlan(part.path);
  return explainTask(own.plan, own.plan.tasks[plan.tasks.indexOf(task) - part.first] ?? task, own.text);
}
