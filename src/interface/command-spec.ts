// How a command of `plan` is declared, as data: its arguments, options,
// filters, description and help examples. src/command-table.ts holds one such
// object per command (with the function that runs it); src/cli/command-table.ts turns them
// into the commander program and its --help; src/commands/completion.ts into
// the bash, zsh and fish scripts. Also here: the options every command has,
// and groups of options several commands share.

import { FILTER_USES, FILTERS, filterHelp, type FilterUse, type FilterUseName } from './filter-table.js';

/** What a value completes to in a shell; a value without one completes to nothing. */
type Completes = 'file' | 'id' | 'status' | 'statuses' | 'command';

export interface OptionSpec {
  /** As commander writes them: `--claim`, `--group <by>`, `-f, --file <path>`, `--no-touch`. */
  flags: string;
  description: string;
  choices?: readonly string[];
  default?: string;
  completes?: Completes;
  /** Given again, its values are joined with commas. */
  repeatable?: true;
  /** Given again, each value is kept (a list; paths may hold commas). */
  many?: true;
}

export interface ArgSpec {
  /** `<id>` (required) or `[view]` (optional). */
  name: string;
  description: string;
  choices?: readonly string[];
  default?: string;
  completes?: Completes;
}

/** One line of a command's options: an option of its own, or the filters it takes, in --help order. */
type OptionEntry = OptionSpec | { filters: FilterUseName };

export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  /** Not listed in --help or completion (`__complete-ids`, which the completion scripts call). */
  hidden?: boolean;
  args?: readonly ArgSpec[];
  description: string;
  options?: readonly OptionEntry[];
  /** Its terminal view goes through the pager when longer than the terminal (read views; not live ones, not writes). */
  paged?: true;
  /** Command lines shown under `Examples:` in --help; every listed command has some. */
  examples: readonly string[];
  /**
   * An argument that looks like an option it does not know is an argument
   * (the merge driver's `%P`, a path git passes as it is, may start with `-`).
   */
  unknownOptionsAreArgs?: boolean;
}

/** The flags of the whole program, which every command's --help lists too. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '-f, --file <path>',
    description:
      'the plan file; repeat it, or name a folder or a quoted glob, for a plan of several files (default: $PLAN_FILE, else .planrc.json "files", else PLAN.md, ROADMAP.md, TODO.md, … in this folder or a parent)',
    completes: 'file',
    many: true,
  },
  { flags: '--json', description: 'print JSON (with a schemaVersion)' },
  { flags: '--plain', description: 'print tab-separated text (the default when piped)' },
  { flags: '--table', description: 'print the terminal view even when piped (`plan list --table | less -R`)' },
  { flags: '--no-pager', description: 'never page a view longer than the terminal ($PLAN_PAGER, $PAGER, else less -FRX)' },
  { flags: '--no-color', description: 'no colours (NO_COLOR and FORCE_COLOR are honoured too)' },
  { flags: '--debug', description: 'print the stack trace of an unexpected error (also DEBUG=1)' },
];

// Commander's own flags, worded as commander words them, said
// here so that the parser and the completion scripts offer the same ones.
export const VERSION_OPTION: OptionSpec = { flags: '-V, --version', description: 'output the version number' };
export const HELP_OPTION: OptionSpec = { flags: '-h, --help', description: 'display help for command' };

/** The options of every command that writes the plan. */
export const WRITE_OPTIONS: readonly OptionSpec[] = [
  { flags: '--dry-run', description: 'print the diff of what would change and write nothing' },
  { flags: '--force', description: 'write even when the plan is read_only or the write passes chars_limit' },
  { flags: '--no-touch', description: 'leave the `modified:` and `Last Updated` dates as they are' },
  { flags: '--no-memory', description: "write the file's own style, not the text plan remembers replacing (set and set back)" },
];

/** `--fields` and `--limit`: lean output for scripts and agents. */
export const LEAN_OPTIONS: readonly OptionSpec[] = [
  { flags: '--fields <list>', description: 'only these fields of each task, e.g. id,title,status (id is always included)' },
  { flags: '--limit <n>', description: 'at most n tasks' },
];

export const ALLOW_CANCELLED: OptionSpec = {
  flags: '--allow-cancelled',
  description: 'a cancelled dependency counts as satisfied (by default only a done one does)',
};

/** The filters a command takes and what they mean there, or null. */
export function filterUse(c: CommandSpec): FilterUse | null {
  const entry = c.options?.find((o) => 'filters' in o);
  return entry && 'filters' in entry ? FILTER_USES[entry.filters] : null;
}

/** A command's options in --help order, its filters spelled out as options. */
export function optionsOf(c: CommandSpec): OptionSpec[] {
  return (c.options ?? []).flatMap((o) => ('filters' in o ? filterOptions(FILTER_USES[o.filters]) : [o]));
}

function filterOptions(use: FilterUse): OptionSpec[] {
  return use.names.map((name) => {
    const f = FILTERS.find((x) => x.name === name)!;
    const option: OptionSpec = { flags: f.valueName === null ? `--${name}` : `--${name} <${f.valueName}>`, description: filterHelp(f, use) };
    if (f.repeatable) option.repeatable = true;
    if (f.value === 'statuses') option.completes = 'statuses';
    return option;
  });
}

/** The names an option is written with (`-f`, `--file`), and whether it takes a value. */
export function flagNames(o: OptionSpec): { names: string[]; valued: boolean } {
  const words = o.flags.split(/[ ,|]+/).filter(Boolean);
  return { names: words.filter((w) => w.startsWith('-')), valued: words.some((w) => /^[<[]/.test(w)) };
}
