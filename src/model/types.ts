// The typed model of a planning file. Everything here is plain data (it is
// cached as JSON): tasks carry the source offsets the editor splices.

import type { SettableStatus, Status } from '../status.js';
import type { Span } from '../parse/blocks.js';

export type ScopeKind = 'sprint' | 'week' | 'month' | 'phase' | 'milestone';
export const SCOPE_KINDS: readonly ScopeKind[] = ['sprint', 'week', 'month', 'phase', 'milestone'];

export type Scope = Record<ScopeKind, string | null>;

export type ColumnRole = 'id' | 'title' | 'status' | 'owner' | 'notes' | 'priority';

/** Where a task lives in the file, for editing. */
export type TaskSource =
  | {
      type: 'row';
      table: number;
      row: Span;
      /** Trimmed inside of each cell of the row, in file order. */
      cells: Span[];
      /** Column index of each role in this table. */
      columns: Partial<Record<ColumnRole, number>>;
    }
  | {
      type: 'item';
      item: Span;
      checkbox: Span | null;
      checked: boolean | null;
      text: Span;
      /** The status emoji at the start of the item text (after the checkbox), if any. */
      statusMark: Span | null;
    };

export interface Task {
  id: string;
  kind: 'task' | 'week';
  title: string;
  status: Status;
  /** The status cell or mark as a person reads it (repaired, no Markdown). */
  statusText: string;
  owner: string | null;
  notes: string | null;
  priority: string | null;
  sprint: string | null;
  week: string | null;
  month: string | null;
  phase: string | null;
  milestone: string | null;
  /** Heading path, joined with ` > `. */
  section: string | null;
  /** 1-based line of the row or item. */
  line: number;
  /** Other columns of the row, by header text. */
  fields: Record<string, string>;
  /** Whether the id came from the file (false: a positional `L<line>` id). */
  idFromFile: boolean;
  source: TaskSource;
}

export interface Heading {
  depth: number;
  text: string;
  line: number;
  scope: Scope;
  /** A status written in the heading, e.g. `(IN PROGRESS)` or a leading ✅. */
  status: Status;
  section: string;
}

export interface TableInfo {
  line: number;
  start: number;
  end: number;
  kind: 'task' | 'week' | 'other';
  headers: string[];
  columns: Partial<Record<ColumnRole, number>>;
  scope: Scope;
  section: string | null;
  /** Index in `tasks` of the table's first task, and how many it holds. */
  firstTask: number;
  taskCount: number;
  delimiter: Span;
  header: Span;
  /** Rows whose cell count differs from the header's: [line, cells]. */
  ragged: [number, number][];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface FrontMatterInfo {
  present: boolean;
  language: string | null;
  label: string | null;
  description: string | null;
  readOnly: boolean;
  charsLimit: number | null;
  modified: string | null;
  version: string | null;
  /** Offsets of the whole front matter block, when present. */
  span: Span | null;
}

export interface Plan {
  file: string;
  frontMatter: FrontMatterInfo;
  /** Offset where the body (after the front matter) starts. */
  bodyStart: number;
  tasks: Task[];
  headings: Heading[];
  tables: TableInfo[];
  problems: Problem[];
  parser: 'remark' | 'fast';
  /** Status words and emoji the file (front matter `plan.statuses`) and `.planrc.json` add. */
  statusExtension: Record<string, SettableStatus>;
  /** Whether the file's bytes were invalid UTF-8 (shown with U+FFFD). */
  invalidUtf8: boolean;
  bom: boolean;
  eol: '\n' | '\r\n';
}
