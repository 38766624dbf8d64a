// docs/reference.md, written from the tables the code already has: the
// command table (src/cli/command-table.ts), the global options and the filter table
// (src/interface/), the check codes (src/check/codes.ts), the exit codes
// (src/system/errors.ts) and the JSON schema versions (src/render/json.ts). Run by
// `npm run docs` (scripts/gen-docs.mjs); a test holds the committed file to it.

import { COMMANDS, PROGRAM } from '../cli/command-table.js';
import { CHECK_CODES } from '../check/codes.js';
import { EXIT } from '../system/errors.js';
import { SCHEMA_VERSION, SUMMARY_SCHEMA_VERSION } from '../render/json.js';
import { GLOBAL_OPTIONS, optionsOf, type ArgSpec, type CommandSpec, type OptionSpec } from '../interface/command-spec.js';
import { FILTER_USES, FILTERS, type FilterUseName } from '../interface/filter-table.js';

/** What each exit code means; a new code in EXIT does not compile until it is said here. */
const EXIT_MEANS: Record<keyof typeof EXIT, string> = {
  ok: 'success (an empty result is a success)',
  failure:
    'failure: unknown or ambiguous id, unreadable file, a refused write (`read_only`, `chars_limit`, lock timeout, no permission to write ' +
    'the file, the file deleted or changing without end during the write, an undo after a hand edit), `log`/`burndown`/`git-setup` ' +
    'outside a git repository; `merge-driver`: conflicts left between markers; `check`: an error in the file',
  usage:
    'usage: no command, unknown command, topic or flag, missing argument, unknown status word, a line break in a value, an invalid ' +
    '`SOURCE_DATE_EPOCH` for a write, a line reference (`L42`) given to a write, a filter value that is not a number or range ' +
    '(`--week abc`, `--line 0`), an owner of several words where it is written as an `@name` mark',
  nothingToClaim: '`plan next --claim`: nothing to claim',
};

/** What the filters mean for the commands that take them in each way (FILTER_USES). */
const FILTER_USE_MEANS: Record<FilterUseName, string> = {
  narrow: 'keep only the tasks that match every filter given',
  one: 'pick one of several tasks that share the id (a date, priority or tag tells none apart)',
  place: 'keep the changes of the tasks in that place (a status or a line means nothing across versions)',
  table: 'pick the task table (or task list) the new task goes to',
  write: 'pick the task the status is written to (`--owner` is not a filter here: it assigns the task; dates, priorities and tags tell no task of an id apart)',
  pick: 'pick one of several tasks that share an id',
};

/** A paragraph wrapped at 100 columns, never inside a code span. */
function para(text: string): string {
  const words = text.match(/(?:`[^`]*`|[^\s`])+/g) ?? [];
  const lines: string[] = [];
  for (const w of words) {
    const last = lines.at(-1);
    if (last !== undefined && [...last].length + 1 + [...w].length <= 100) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return lines.join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

/** An option's or argument's row: its name, what it means, its choices and default. */
function row(name: string, o: OptionSpec | ArgSpec): string[] {
  const extra = [o.choices ? `one of ${o.choices.join(', ')}` : '', o.default !== undefined ? `default ${o.default}` : ''].filter(Boolean);
  return [`\`${name}\``, extra.length ? `${o.description} (${extra.join('; ')})` : o.description];
}

const optionRow = (o: OptionSpec) => row(o.flags, o);

function usage(c: CommandSpec): string {
  return ['plan', c.name, ...(c.args ?? []).map((a) => a.name), ...(optionsOf(c).length ? ['[options]'] : [])].join(' ');
}

function command(c: CommandSpec): string {
  const aliases = c.aliases?.length ? ` (also \`${c.aliases.join('`, `')}\`)` : '';
  const parts = [`### \`plan ${c.name}\``, '', `\`${usage(c)}\`${aliases}`, '', para(`${c.description}.`)];
  if (c.args?.length)
    parts.push(
      '',
      table(
        ['argument', 'meaning'],
        c.args.map((a) => row(a.name, a)),
      ),
    );
  if (optionsOf(c).length) parts.push('', table(['option', 'meaning'], optionsOf(c).map(optionRow)));
  // Not `sh`: the README examples test runs the topics' sh blocks; these are --help's, tested there.
  if (c.examples.length) parts.push('', 'Examples:', '', '```text', ...c.examples, '```');
  return parts.join('\n');
}

function filters(): string {
  const listed = COMMANDS.filter((c) => !c.hidden);
  const takers = (use: FilterUseName) =>
    listed
      .filter((c) => c.options?.some((o) => 'filters' in o && o.filters === use))
      .map((c) => `\`${c.name}\``)
      .join(', ');
  const uses = (Object.keys(FILTER_USES) as FilterUseName[]).map((u) => [
    takers(u),
    FILTER_USE_MEANS[u],
    FILTER_USES[u].names.map((n) => `\`--${n}\``).join(' '),
  ]);
  return [
    '## Filters',
    '',
    para('Filters combine with AND. A scope filter matches a heading range (`Week 2-6` matches `--week 3`), and a range matches any overlap (`--week 2-4`).'),
    '',
    table(
      ['filter', 'keeps'],
      FILTERS.map((f) => [f.valueName === null ? `\`--${f.name}\`` : `\`--${f.name} <${f.valueName}>\``, f.keeps]),
    ),
    '',
    'Which commands take which filters, and what for:',
    '',
    table(['commands', 'the filters', 'filters'], uses),
  ].join('\n');
}

const HEADER = `<!-- Generated by \`npm run docs\` from the code's tables (src/docs/reference.ts): edit those, not this file. -->

# Reference

${para(`${PROGRAM.description} Every command, its options and examples, the filters, the check codes, the exit codes and the JSON schema versions, as the code defines them.`)}`;

export function referenceMarkdown(): string {
  const listed = COMMANDS.filter((c) => !c.hidden);
  const sections = [
    HEADER,
    '## Global options',
    'Every command takes these, and `--help` (`-h`) with examples. `plan` with no command prints the help on stderr and exits 2 (a usage ' +
      'error, as in `git`); `plan --help` prints it on stdout and exits 0; `plan --version` (`-V`) prints the version.',
    table(['option', 'meaning'], GLOBAL_OPTIONS.map(optionRow)),
    '## Commands',
    ...listed.map(command),
    filters(),
    '## Check codes',
    '`plan check` prints `file:line:col severity message`; `--json` gives each problem with its `code`. It exits 1 when any problem is an error.',
    table(
      ['code', 'severity', 'meaning'],
      CHECK_CODES.map((c) => [`\`${c.code}\``, c.severity, c.means]),
    ),
    '## Exit codes',
    table(
      ['code', 'meaning'],
      (Object.keys(EXIT) as (keyof typeof EXIT)[]).map((k) => [String(EXIT[k]), EXIT_MEANS[k]]),
    ),
    'Errors are one line on stderr naming the file and what to do; `--debug` (or `DEBUG=1`) adds the stack trace of an unexpected error (without the colour codes some libraries put in them).',
    '## JSON',
    `Every \`--json\` document has a \`schemaVersion\`: ${SCHEMA_VERSION} for tasks and everything else, ${SUMMARY_SCHEMA_VERSION} for \`plan summary\`. ` +
      'A version changes when a key is removed or changes meaning; keys may be added within a version. Version 2 of the tasks added ' +
      '`idFromFile`, `group` and the `parent` kind, and gave tasks without an id `@…` references instead of `L<line>`; version 2 of the summary ' +
      'has a group per heading that holds tasks (version 1 had `from` and `weekItems`). The fields are described in [views.md](views.md#output).',
  ];
  // Plain paragraphs wrapped; headings, tables and the multi-line blocks are written as they are.
  return `${sections.map((x) => (/^[#|<]/.test(x) || x.includes('\n') ? x : para(x))).join('\n\n')}\n`;
}
