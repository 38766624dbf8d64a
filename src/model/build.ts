// Front matter + blocks → Plan. Never throws on content: whatever the file
// holds becomes tasks, headings, tables and positioned problems.

import type { Block, ItemBlock, Span, TableBlock } from '../parse/blocks.js';
import type { FrontMatterResult } from '../parse/frontmatter.js';
import { Vocabulary, toExtension, type VocabularyExtension } from '../status.js';
import { LineIndex } from '../text/lines.js';
import { plainText } from '../text/plain.js';
import { showEscapes } from '../text/decode.js';
import { planColumns } from './columns.js';
import { itemFields } from './items.js';
import { trailingOwnerMark } from './owner-mark.js';
import { emptyScope, scopesInHeading, normaliseRange } from './scope.js';
import { readFrontMatterInfo, statusMap } from './frontmatter.js';
import type { Heading, Plan, Problem, Scope, Task, TableInfo } from './types.js';

export interface BuildInput {
  file: string;
  text: string;
  frontMatter: FrontMatterResult;
  blocks: Block[];
  parser: 'remark' | 'fast';
  invalidUtf8: boolean;
  /** Mojibake repair for display text (identity when the text has none). */
  repair: (s: string) => string;
  /** Vocabulary additions from outside the file (a config beside it). */
  extension?: VocabularyExtension;
}

interface OpenHeading {
  depth: number;
  text: string;
  scope: Partial<Scope>;
}

export function buildPlan(input: BuildInput): Plan {
  const { text, blocks, repair } = input;
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const fm = input.frontMatter;
  if (fm.problem) {
    problems.push({
      line: fm.problem.line,
      column: 1,
      severity: 'error',
      code: fm.problem.kind === 'invalid-yaml' ? 'front-matter-yaml' : 'front-matter-language',
      message: fm.problem.message,
    });
  }
  const fileStatuses = toExtension(statusMap(fm.data));
  for (const key of fileStatuses.invalid) {
    problems.push({
      line: fm.block ? lines.line(fm.block.start) : 1,
      column: 1,
      severity: 'warning',
      code: 'status-map',
      message: `plan.statuses: "${key}" does not name a status (use done, in-progress, pending, blocked or cancelled)`,
    });
  }
  const statusExtension = { ...input.extension, ...fileStatuses.extension };
  const vocab = Vocabulary.of(statusExtension);
  const display = (span: Span): string => displayText(text.slice(span.start, span.end), repair);

  const tasks: Task[] = [];
  const headings: Heading[] = [];
  const tables: TableInfo[] = [];
  const stack: OpenHeading[] = [];
  let scope: Scope = emptyScope();
  let section: string | null = null;

  for (const block of blocks) {
    if (block.type === 'heading') {
      while (stack.length && stack[stack.length - 1]!.depth >= block.depth) stack.pop();
      const headingText = display(block.content);
      stack.push({ depth: block.depth, text: headingText, scope: scopesInHeading(headingText) });
      scope = emptyScope();
      for (const h of stack) Object.assign(scope, h.scope);
      section = stack.map((h) => h.text).join(' > ');
      headings.push({
        depth: block.depth,
        text: headingText,
        line: lines.line(block.start),
        scope: { ...scope },
        status: headingStatus(headingText, vocab),
        section,
      });
    } else if (block.type === 'table') {
      tables.push(tableTasks(block, tables.length, tasks, problems));
    } else {
      const task = itemTask(block);
      if (task) tasks.push(task);
    }
  }

  return {
    file: input.file,
    frontMatter: readFrontMatterInfo(fm),
    bodyStart: fm.block ? fm.block.end : 0,
    tasks,
    headings,
    tables,
    problems,
    parser: input.parser,
    statusExtension,
    invalidUtf8: input.invalidUtf8,
    bom: text.charCodeAt(0) === 0xfeff,
    eol: /\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n',
  };

  function tableTasks(block: TableBlock, index: number, out: Task[], probs: Problem[]): TableInfo {
    const headers = block.header.cells.map(display);
    const plan = planColumns(headers);
    const { columns } = plan;
    const info: TableInfo = {
      line: lines.line(block.start),
      start: block.start,
      end: block.end,
      kind: plan.kind,
      headers,
      columns,
      scope: { ...scope },
      section,
      firstTask: out.length,
      taskCount: 0,
      delimiter: block.delimiter,
      header: { start: block.header.start, end: block.header.end },
      ragged: [],
    };
    for (const row of block.rows) {
      if (row.cells.length !== headers.length) info.ragged.push([lines.line(row.start), row.cells.length]);
    }
    if (plan.kind === 'other') return info;
    for (const row of block.rows) {
      const cell = (i: number | undefined): string | null => {
        if (i === undefined) return null;
        const span = row.cells[i];
        return span ? display(span) : null;
      };
      const line = lines.line(row.start);
      const rowScope = { ...scope };
      let id: string | null;
      let kind: Task['kind'] = 'task';
      if (plan.periodPrefix) {
        kind = 'week';
        const period = cell(0) ?? '';
        const num = /\d+(?:\.\d+)*(?:\s*[-–—]\s*\d+(?:\.\d+)*)?/.exec(period);
        const value = num ? normaliseRange(num[0]) : period;
        id = value ? plan.periodPrefix + value : null;
        const key = ({ W: 'week', S: 'sprint', P: 'phase', M: 'month' } as const)[plan.periodPrefix];
        if (value) rowScope[key] = value;
      } else {
        id = cell(columns.id) || null;
      }
      out.push({
        id: id ?? `L${line}`,
        kind,
        ...rowFields(row.cells, headers, columns, !!plan.periodPrefix, display, vocab),
        ...rowScope,
        section,
        line,
        idFromFile: id !== null,
        source: { type: 'row', table: index, row: { start: row.start, end: row.end }, cells: row.cells, columns },
      });
      info.taskCount++;
    }
    void probs;
    return info;
  }

  function itemTask(block: ItemBlock): Task | null {
    const f = itemFields(text, block, vocab, repair);
    if (!f) return null;
    const line = lines.line(block.start);
    return {
      id: f.id ?? `L${line}`,
      kind: 'task',
      title: f.title,
      status: f.status,
      statusText: f.statusText,
      owner: f.owner,
      notes: f.notes,
      priority: null,
      ...scope,
      section,
      line,
      fields: {},
      idFromFile: f.id !== null,
      source: {
        type: 'item',
        item: { start: block.start, end: block.end },
        checkbox: f.checkbox,
        checked: f.checked,
        text: f.text,
        statusMark: f.mark,
      },
    };
  }
}

/** Raw cell or item Markdown → the text people read. */
export function displayText(raw: string, repair: (s: string) => string): string {
  return showEscapes(repair(plainText(raw)));
}

/** The fields of a table row task that come from its cells. */
export function rowFields(
  cells: Span[],
  headers: string[],
  columns: TableInfo['columns'],
  periodTable: boolean,
  display: (span: Span) => string,
  vocab: Vocabulary,
): Pick<Task, 'title' | 'status' | 'statusText' | 'owner' | 'notes' | 'priority' | 'fields'> {
  const cell = (i: number | undefined): string | null => {
    if (i === undefined) return null;
    const span = cells[i];
    return span ? display(span) : null;
  };
  const statusCell = cell(columns.status);
  const reading = statusCell != null ? vocab.read(statusCell) : null;
  const fields: Record<string, string> = {};
  const used = new Set(Object.values(columns));
  headers.forEach((h, i) => {
    if (used.has(i) || (periodTable && i === 0)) return;
    const v = cell(i);
    if (v != null) fields[h || `column ${i + 1}`] = v;
  });
  return {
    title: cell(columns.title) ?? '',
    status: reading ? reading.status : 'none',
    statusText: statusCell ?? '',
    // No Owner column: a claim's `@name` mark at the end of the status cell names the owner.
    owner: columns.owner !== undefined ? ownerOf(cell(columns.owner)) : (statusCell && trailingOwnerMark(statusCell)?.owner) || null,
    notes: cell(columns.notes) || null,
    priority: cell(columns.priority) || null,
    fields,
  };
}

const NO_OWNER = /^(?:|-|—|–|\?|n\/a|none)$/i;

function ownerOf(cell: string | null): string | null {
  if (cell == null) return null;
  const v = cell.trim();
  return NO_OWNER.test(v) ? null : v;
}

/** A status written in a heading: `(IN PROGRESS)` at the end, or a status emoji. */
function headingStatus(text: string, vocab: Vocabulary): Task['status'] {
  const paren = /\(([^()]+)\)\s*$/.exec(text);
  if (paren) {
    const r = vocab.read(paren[1]!);
    if (r.status !== 'none') return r.status;
  }
  const emoji = /(\p{Extended_Pictographic})/u.exec(text);
  if (emoji && vocab.isStatusEmoji(emoji[1]!)) return vocab.read(text.slice(emoji.index)).status;
  return 'none';
}
