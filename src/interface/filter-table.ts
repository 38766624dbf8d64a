// The table of filters: every flag that narrows which tasks a command reads
// or acts on, said once. Its readers: the command line (src/cli/command-table.ts builds
// the commander options and --help from it), the MCP server (src/mcp/schemas.ts
// builds the zod input schemas and the filter paragraph of its instructions)
// and shell completion (src/commands/completion.ts). Nothing here imports
// commander or zod: the command line must start without loading either.

import { SCOPE_KINDS, type ScopeKind } from '../model/types.js';
import { FILTER_NAMES, type FilterName } from '../query/filter.js';
import { STATUSES } from '../model/status.js';

/**
 * How a filter's value reads. Each reader turns it into its own form: the
 * command line takes text and checks it (query/filter.ts checkFilters), the
 * MCP schemas take `scope` as a number or text and `line` as a number,
 * completion offers the statuses for `statuses`.
 */
export type FilterValue = 'scope' | 'text' | 'statuses' | 'line' | 'flag';

export interface FilterSpec {
  name: FilterName;
  /** The scope kind it matches (sprint, week, …); null for the filters that are not scopes. */
  scope: ScopeKind | null;
  /** The value's name in `--help`: `--sprint <n>`; null for a flag without a value (`--overdue`). */
  valueName: string | null;
  /** The flag may be given again, its values joined with commas (`--tag a --tag b` = `--tag a,b`). */
  repeatable?: true;
  value: FilterValue;
  /** `--help` where it narrows a list: what it keeps. */
  keeps: string;
  /**
   * What it names where a command picks one place with it, completed by the
   * command's lead (`the task table of` + `sprint n`); a line names one task
   * whatever the command, so its phrase stands alone. Null: it picks nothing.
   */
  names: string | null;
  /** What its value means, for the MCP server's instructions; null for scopes (said once for all of them). */
  explains: string | null;
}

/** The statuses `--status` takes: every status, and `open`. */
export const FILTER_STATUSES: readonly string[] = [...STATUSES, 'open'];

function scopeFilter(kind: ScopeKind, keeps = `only tasks in ${kind} n`): Omit<FilterSpec, 'name'> {
  return { scope: kind, valueName: 'n', value: 'scope', keeps, names: `${kind} n`, explains: null };
}

const DETAILS: Record<FilterName, Omit<FilterSpec, 'name'>> = {
  sprint: scopeFilter('sprint'),
  week: scopeFilter('week', 'only tasks in week n (a range like 2-6 matches 3)'),
  month: scopeFilter('month'),
  phase: scopeFilter('phase'),
  milestone: scopeFilter('milestone'),
  section: {
    scope: null,
    valueName: 'text',
    value: 'text',
    keeps: 'only tasks under a heading containing text',
    names: 'the section whose heading path contains text',
    explains: 'part of the heading path',
  },
  owner: {
    scope: null,
    valueName: 'name',
    value: 'text',
    keeps: 'only tasks of this owner (case-insensitive)',
    names: null,
    explains: 'case-insensitive',
  },
  status: {
    scope: null,
    valueName: 's,...',
    value: 'statuses',
    keeps: `only these statuses (${FILTER_STATUSES.join(', ')})`,
    names: null,
    explains: `comma-separated: ${FILTER_STATUSES.join(', ')} = not done or cancelled`,
  },
  grep: { scope: null, valueName: 'text', value: 'text', keeps: 'only tasks whose fields contain text', names: null, explains: 'text in any field' },
  line: {
    scope: null,
    valueName: 'n',
    value: 'line',
    keeps: 'only the task on line n (to pick one of several equal ids)',
    names: 'the task on line n (to pick one of several equal ids)',
    explains: 'the 1-based line of one task, to pick one of several with the same id',
  },
  due: {
    scope: null,
    valueName: 'when',
    value: 'text',
    keeps: 'only tasks due then: today, tomorrow, this-week, next-week, a date, a month (2025-03) or a range (2025-03-01..2025-03-31, ..2025-03-31)',
    names: null,
    explains: 'today, tomorrow, this-week, next-week, YYYY-MM-DD, YYYY-MM, or a range FROM..TO (an end may be left out)',
  },
  overdue: {
    scope: null,
    valueName: null,
    value: 'flag',
    keeps: 'only tasks due before today and neither done nor cancelled',
    names: null,
    explains: 'true: due before today and not done or cancelled',
  },
  priority: {
    scope: null,
    valueName: 'level',
    value: 'text',
    keeps: 'only tasks of this priority or higher (highest, high, medium, low, lowest; P0-P4)',
    names: null,
    explains: 'highest, high, medium, low or lowest (or P0-P4): that level and the ones above it',
  },
  tag: {
    scope: null,
    valueName: 't,...',
    value: 'text',
    repeatable: true,
    keeps: 'only tasks with one of these tags (#tag, a Tags column, +project, @context); repeatable',
    names: null,
    explains: 'comma-separated tags, without # (a task with any of them)',
  },
  in: {
    scope: null,
    valueName: 'file',
    value: 'text',
    keeps: 'in a plan of several files, only the tasks of this file (its path or its name)',
    names: 'the file (its path or its name) of a plan of several files',
    explains: 'one of its files: path or name',
  },
};

/** Every filter, in the order `--help` lists them. */
export const FILTERS: readonly FilterSpec[] = FILTER_NAMES.map((name) => ({ name, ...DETAILS[name] }));

/**
 * Which filters a command takes, and what they mean there. `lead` is null
 * where they narrow a list (`only tasks in sprint n`); else they name a place
 * and `lead` says what of it (`the task table of sprint n`).
 */
export interface FilterUse {
  names: readonly FilterName[];
  lead: string | null;
}

/** The filters on what a task is about (its dates, priority, tags): they narrow lists, and tell no two tasks of one id apart. */
const FIELD_FILTERS: readonly FilterName[] = ['due', 'overdue', 'priority', 'tag'];
const IDENTIFYING = FILTER_NAMES.filter((n) => !FIELD_FILTERS.includes(n));

export const FILTER_USES = {
  /** The tasks a command reads or acts on (list, show, next, set, …). */
  narrow: { names: FILTER_NAMES, lead: null },
  /** The one task a command shows by its id (show): the filters that tell tasks sharing an id apart. */
  one: { names: IDENTIFYING, lead: null },
  /** Where tasks stand and who owns them: the history commands (a status or a line means nothing across versions). */
  place: { names: [...SCOPE_KINDS, 'section', 'owner'], lead: null },
  /** The table or list a new task goes to (add). */
  table: { names: [...SCOPE_KINDS, 'section', 'in'], lead: 'the task table of' },
  /** The task a status write acts on (set): the filters that tell tasks sharing an id apart but --owner, which there assigns the task (as in add and edit). */
  write: { names: IDENTIFYING.filter((n): n is Exclude<FilterName, 'owner'> => n !== 'owner'), lead: null },
  /** One of several tasks that share an id (edit). */
  pick: { names: [...SCOPE_KINDS, 'section', 'line', 'in'], lead: 'when the id repeats, the task in' },
} as const satisfies Record<string, FilterUse>;

export type FilterUseName = keyof typeof FILTER_USES;

/** A filter's `--help` line in a command that uses it so. */
export function filterHelp(f: FilterSpec, use: FilterUse): string {
  if (use.lead === null || f.names === null) return f.keeps;
  return f.value === 'line' ? f.names : `${use.lead} ${f.names}`;
}

/** The filters paragraph of the MCP server's instructions. */
export function filtersExplained(): string {
  const scopes = FILTERS.filter((f) => f.scope !== null).map((f) => f.name);
  const others = FILTERS.filter((f) => f.scope === null).map((f) => `${f.name} (${f.explains})`);
  return (
    'Filters (all optional, combined with AND, as the flags of `plan list`): ' +
    `${scopes.join(', ')} (a number; a range like "2-6" matches 3), ${others.join(', ')}.`
  );
}
