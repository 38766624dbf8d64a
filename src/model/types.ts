// The typed model of a planning file. Everything here is plain data (it is
// cached as JSON): tasks carry the source offsets the editor splices.

import type { SettableStatus, Status } from './status.js';
import type { Span } from '../parse/blocks.js';

export type ScopeKind = 'sprint' | 'week' | 'month' | 'phase' | 'milestone';
export const SCOPE_KINDS: readonly ScopeKind[] = ['sprint', 'week', 'month', 'phase', 'milestone'];

export type Scope = Record<ScopeKind, string | null>;

/** Priorities on one scale, highest first (src/read/fields.ts reads `High`, `P0`, `(A)`, `⏫` onto it). */
export type PriorityLevel = 'highest' | 'high' | 'medium' | 'low' | 'lowest';

export type ColumnRole = 'id' | 'title' | 'status' | 'owner' | 'notes' | 'priority' | 'depends';

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
      /** A status written after the item's title (`… ✅`, `— cancelled`, `(complete)`), if any. */
      statusTail?: Span | null;
      /** The status after the title says the status too (and decides over a generic box or mark) (`[x] Rebuild ✓ **PARTIALLY DONE**`): a write changes both. */
      tailSays?: true;
    }
  | {
      /** A heading that is itself a task (`### BUG-001: … ` with a status in it or in a `Status:` line below). */
      type: 'heading';
      heading: Span;
      /** The heading's inline content. */
      text: Span;
      /** Where the status is written: in the heading, or the value of a `**Status**:` line or item below it. */
      status: Span | null;
    }
  | {
      /** An entry of a to-do list in the front matter (`todos:` with `- id:` / `content:` / `status:` lines). */
      type: 'entry';
      entry: Span;
      /** The title's value as written (inside its quotes); null when it is not written on one line. */
      text: Span | null;
      /** The status's value as written; null when the entry writes none on one line. */
      status: Span | null;
      /** The owner's value as written (empty after `owner:`); null when it is not written plainly; absent when the entry has no owner key. */
      owner?: Span | null;
    };

/**
 * `task`: a piece of work. `week`: a row of a week (sprint, month) table, the
 * work of a period. `parent`: a heading that carries a status and holds tasks of
 * its own (`### Phase 5 🔄 IN PROGRESS`); never picked as the next task.
 */
type TaskKind = 'task' | 'week' | 'parent';

export interface Task {
  /** The id as written in the file, or (idFromFile false) a reference `@` + 5 hex digits derived from the title and group. */
  id: string;
  kind: TaskKind;
  title: string;
  status: Status;
  /** The status cell or mark as a person reads it (repaired, no Markdown). */
  statusText: string;
  /**
   * Where the status came from when the task does not write one: `checklist` for a heading task whose status
   * is its checklist's (read/passes/checklist-status.ts). Absent when the task's own text, a field or its
   * section says it. Such a status changes with the boxes, and a write never sets it directly.
   */
  statusFrom?: 'checklist';
  owner: string | null;
  notes: string | null;
  /** The priority as written (a Priority cell or field, an Obsidian `⏫`, todo.txt's `(A)`). */
  priority: string | null;
  /** The priority on the one scale (src/read/fields.ts); absent when none is written or it is not one the reader knows. */
  priorityLevel?: PriorityLevel;
  /** Dates as ISO `YYYY-MM-DD` (src/read/fields.ts), absent when the task has none or the file leaves it ambiguous. */
  due?: string;
  scheduled?: string;
  start?: string;
  /** When the task was done (Obsidian's `✅ date`) or cancelled (`❌ date`), or a Completed column. */
  doneDate?: string;
  /** `#tags`, a Tags or Labels column, todo.txt `+project` and `@context`, as written without their sigil. */
  tags?: string[];
  /** An Estimate, Points, SP or Effort column or field (`3d`, `5 pts`): the number and its unit (`h`, `d`, `w`, `min`, `points`; null when none is written). */
  estimate?: { value: number; unit: string | null };
  /** Obsidian Tasks' recurrence rule as written after `🔁` (`every week`), out of the title as the other signifiers are. */
  recurrence?: string;
  sprint: string | null;
  week: string | null;
  month: string | null;
  phase: string | null;
  milestone: string | null;
  /** Heading path, joined with ` > `. */
  section: string | null;
  /**
   * The heading a person groups the task under: the nearest sprint/week/phase/… heading, else the nearest heading
   * that is not a facet recurring under each section (`Mandatory` under each track), else a lead-in (decoration
   * removed; docs/reading.md, Groups).
   */
  group: string | null;
  /**
   * The group's name where `group` says more (`Phase 1` of `Phase 1 (In Progress)`): what a derived reference is made
   * of, so that a heading's state changing leaves the references of its tasks alone (read/ref.ts).
   */
  groupName?: string;
  /** 1-based line of the row or item. */
  line: number;
  /** Other columns of the row, by header text. */
  fields: Record<string, string>;
  /** Whether the id came from the file (false: a reference `@…` derived from the title and group). */
  idFromFile: boolean;
  /**
   * The tasks this one waits on, as references (src/read/depends.ts): a task's id, `L<line>` when
   * several tasks share that id, a whole scope (`Phase 2`), or the text as written when nothing matches.
   */
  dependsOn: string[];
  source: TaskSource;
  /**
   * The other places the file writes this same task (a milestone's summary bullet, a row of an
   * overview table), each read as a task of its own, in file order; absent when the task is written
   * once. The task itself is the place that holds its detail (src/read/mentions.ts).
   */
  mentions?: Task[];
  /** The file that holds the task, as the user sees its path: only in a plan of several files (src/load/plan-set.ts). */
  file?: string;
}

export interface Heading {
  depth: number;
  text: string;
  line: number;
  scope: Scope;
  /** A status written in the heading, e.g. `(IN PROGRESS)` or a leading ✅. */
  status: Status;
  section: string;
  /** The heading as a group name: decorative emoji and status marks removed. */
  name: string;
}

export interface TableInfo {
  line: number;
  start: number;
  end: number;
  kind: 'task' | 'week' | 'other';
  headers: string[];
  columns: Partial<Record<ColumnRole, number>>;
  /** The status of rows whose table has no status column, from the heading above (`## Done`, `## Future Horizons`). */
  defaultStatus?: Status;
  /** The id column's cells also name the task (`1. Základ`). */
  numberedNames?: boolean;
  /** The title cells start with the task's id (`4c-A. Paint the hall`); the table has no id column. */
  codedTitles?: boolean;
  /** A column whose filled cells head groups of the rows below (`| Sprint 1 | | Groundwork |`). */
  groupColumn?: number;
  /** Why a table with a status column holds no tasks (a legend, a report of checks), for `check`. */
  reason?: 'legend' | 'checks' | 'summary' | 'trace' | 'skipped' | 'log';
  /** Column roles the cells decided against the header, said by `check` (see columns.ts). */
  inferred?: string[];
  /** No header word named a role: every column was decided from what its cells hold (`check` says how to decide otherwise). */
  guessed?: true;
  /** Columns whose role the `read` settings gave (and ignored columns), by index. */
  configured?: number[];
  /** The `read.ids` pattern decided the id column. */
  idsByPattern?: true;
  /** Columns headed by statuses; the one holding a row's mark gives its status (read/mark-columns.ts). */
  states?: { column: number; status: Status }[];
  /** Columns that are a board's lanes, each filled cell a card with its lane's status (read/lane-columns.ts). */
  lanes?: { column: number; status: Status }[];
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
  /** The lines of the tasks each dependency reference names (`[]`: none, reported by `check`); absent when no task has dependencies. */
  dependencies?: Record<string, number[]>;
  /** Some task is written in several places (Task.mentions): a write changes text away from the task's own place. */
  mentions?: true;
  /** Some task's status is written away from the task itself (a ledger row, a `Status:` line below its heading). */
  detachedStatus?: true;
  /** The `read` settings the file was read with (`.planrc.json`, front matter `plan.read`); absent without any. */
  read?: ReadConfig;
  /** A `read` setting plan cannot use (a one-line message naming the file and key): loading the plan refuses it. */
  readConfigError?: string;
  /** What the file's dates say about the ambiguous ones (src/read/fields.ts); absent when they say nothing. */
  dates?: { dayFirst: boolean | null; year: number | null };
  /** How the file's status legend writes each status (`🔄 Em Andamento`); absent without a legend. */
  legendTexts?: Partial<Record<SettableStatus, string>>;
  /** A plan of several files: each file's own model, in order (its tasks are this plan's, with their `file`). */
  parts?: PlanPart[];
}

/** One file of a plan of several files. */
export interface PlanPart {
  /** The file's path as the user sees it. */
  file: string;
  /** How a task's reference names the file (`sprint2.md#1.3`): its name, or its path where another file has that name. */
  name: string;
  path: string;
  plan: Plan;
  /** The index in the whole plan's `tasks` of this file's first task. */
  first: number;
}

/** What a column can be told to hold: a role the reader knows, or nothing to read (`ignore`). */
export type ReadRole = ColumnRole | 'ignore';

/** Where a setting came from, as the user names it. */
export type ConfigSource = '.planrc.json' | 'front matter';

/** The `read` settings as written, merged from both places, with where each came from (kept in the model for `--explain`). */
export interface ReadConfig {
  /** Normalised header text → its role and where that was said. */
  columns: Record<string, { role: ReadRole; header: string; from: ConfigSource }>;
  /** Normalised heading texts whose sections hold no tasks. */
  skip: string[];
  /** The id pattern's source, and where it was said. */
  ids?: { pattern: string; from: ConfigSource };
}

/** Where a task's source starts in the file: its row, item, heading or front-matter entry (tasks are in this order). */
export function sourceStart(s: TaskSource): number {
  switch (s.type) {
    case 'row':
      return s.row.start;
    case 'item':
      return s.item.start;
    case 'heading':
      return s.heading.start;
    case 'entry':
      return s.entry.start;
  }
}
