// The command table: one object per command, with its arguments, options,
// filters, description, help examples (src/interface/command-spec.ts says what each
// holds) and the function it runs, which returns the exit code. src/cli/program.ts
// makes the commander program of it; `plan completion` the shell scripts.
// This file is also the only place that decides the exit code: commands
// return one, errors become one line on stderr (a stack trace only with
// --debug). Importing it runs nothing; src/cli/main.ts runs main() for bin/plan.js.

import { CommanderError } from 'commander';
import { dirname } from 'node:path';
import { EXIT, UsageError, asPlanError } from '../system/errors.js';
import { visible, withoutStyle } from '../text/visible.js';
import { buildProgram, type PlanCommand, type ProgramSpec } from './program.js';
import { spreadFileArgs } from './file-args.js';
import { SCOPE_KINDS } from '../model/types.js';
import type { Filters } from '../query/filter.js';
import { parseFields, parseLimit } from '../render/lean.js';
import type { TransactOptions } from '../write/transaction.js';
import { ALLOW_CANCELLED, LEAN_OPTIONS, WRITE_OPTIONS } from '../interface/command-spec.js';
import { VERSION } from '../system/version.js';
import { envText } from '../system/env.js';
import { processRuntime, runtime, useRuntime, type Runtime } from '../system/runtime.js';
// The read commands are the hot path (shell prompts, agent loops): they are
// bundled with this file. Writers (set, add, edit, claim), views and the MCP
// server load on demand: the writers' modules build many regular expressions
// at load (V8 parses each as it is made), which a warm `list` never uses.
import { list } from '../commands/list.js';
import { show } from '../commands/show.js';
import { next } from '../commands/next.js';
import { ready } from '../commands/ready.js';

/** The program's own description and examples (`plan --help`). */
export const PROGRAM: ProgramSpec = {
  version: VERSION,
  description: 'A task tracker for Markdown planning files: list, pick and update the tasks in your plan.',
  examples: [
    'plan -f seeds/progress_planning.md list --week 1',
    'plan next --owner Opus',
    'plan show 1.2',
    'plan list --status open --json | jq ".tasks[].id"',
  ],
};

const ID_ARG = { name: '<id>', description: 'task id (see `plan list`)', completes: 'id' } as const;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function writeOptionsOf(o: Record<string, unknown>): TransactOptions {
  return { dryRun: !!o.dryRun, force: !!o.force, touch: o.touch !== false, memory: o.memory !== false };
}

function leanOf(o: Record<string, unknown>) {
  return { fields: parseFields(text(o.fields)), limit: parseLimit(text(o.limit)), sort: text(o.sort) };
}

/** `--sort` of list and ready (src/query/sort.ts). */
const SORT_OPTION = { flags: '--sort <keys>', description: 'order by due, priority, scheduled or start (comma-separated, the first decides; none last)' };

/** `--due`, `--priority`, `--tag` of add and edit: written in the task's Due, Priority, Tags cells, or as marks on an item in the file's notation. */
const FIELD_OPTIONS = [
  { flags: '--due <date>', description: 'due date: YYYY-MM-DD, today, tomorrow or +3d ("" removes it), in the Due column or as the item\'s due mark' },
  { flags: '--priority <level>', description: 'priority: highest, high, medium, low, lowest or P0-P4 ("" removes it)' },
  { flags: '--tag <tag>', description: 'add a tag (in the Tags column, or #tag on an item); repeatable', repeatable: true },
  { flags: '--depends <ids>', description: 'the ids it depends on, comma-separated, in the Depends column ("" removes them)' },
  { flags: '--estimate <size>', description: 'an estimate (3d, 4h, 5 pts) in the Estimate, Points or SP column ("" removes it)' },
] as const;

function fieldsOf(o: Record<string, unknown>) {
  return { due: text(o.due), priority: text(o.priority), tag: text(o.tag), depends: text(o.depends), estimate: text(o.estimate) };
}

/** `next` and `ready` read --owner as whose turn it is, not as a filter. */
function withoutOwner(f: Filters): [string | undefined, Filters] {
  const { owner, ...rest } = f;
  return [owner, rest];
}

/** `plan done <id>`, `plan start <id>`, `plan block <id>`: `plan set` with the status named by the command. */
const SHORT_SETS = [
  ['done', 'done'],
  ['start', 'in-progress'],
  ['block', 'blocked'],
] as const;

// biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh parameter expansion, printed as is
const ZSH_COMPLETION_EXAMPLE = 'plan completion zsh > "${fpath[1]}/_plan"';

export const COMMANDS: readonly PlanCommand[] = [
  {
    name: 'list',
    paged: true,
    aliases: ['ls'],
    description: 'list the tasks that match every filter, in file order, grouped under their headings',
    options: [
      { filters: 'narrow' },
      { flags: '--group <by>', description: 'on a terminal: group under headings, or one flat list', choices: ['heading', 'none'], default: 'heading' },
      { flags: '--wide', description: 'on a terminal: every column at full width, nothing wrapped' },
      { flags: '--waiting', description: 'only open tasks waiting on a dependency that is not done' },
      { flags: '--blocked-by <id>', description: 'only open tasks that cannot start until this task is done (directly or through others)' },
      SORT_OPTION,
      ...LEAN_OPTIONS,
      ALLOW_CANCELLED,
    ],
    examples: [
      'plan list --week 1',
      'plan ls --sprint 8 --status open',
      'plan list --group none --wide',
      'plan list --owner any --plain | cut -f1,4',
      'plan list --waiting',
      'plan list --blocked-by 1.2 --fields id,title,status --json',
      'plan list --status open --sort due,priority',
    ],
    run: (ctx, { opts: o, filters }) => {
      // Sorted tasks are one list: under their headings they would be cut into runs.
      const view = { wide: !!o.wide, group: (o.sort === undefined ? o.group : 'none') as 'heading' | 'none' };
      const deps = { waiting: !!o.waiting, blockedBy: text(o.blockedBy), allowCancelled: !!o.allowCancelled };
      return list(ctx, filters, view, deps, leanOf(o));
    },
  },
  {
    name: 'show',
    paged: true,
    args: [ID_ARG],
    description: 'show every field of one task, with file:line',
    options: [
      { filters: 'one' },
      {
        flags: '--explain',
        description: 'also say where each field came from: the block and line, the column and why (a read setting, a header word, the cells), the status words',
      },
    ],
    examples: ['plan show 1.2', 'plan show 3.1 --sprint 9', 'plan show W2 --json', 'plan show 1.2 --explain'],
    run: (ctx, { args: [id], opts: o, filters }) => show(ctx, id!, filters, !!o.explain),
  },
  {
    name: 'next',
    description: 'pick the task to work on next: in-progress first, then pending; by priority, then file order; never one waiting on a dependency',
    options: [
      { filters: 'narrow' },
      {
        flags: '--claim',
        description: 'take the task: mark it in progress and record --owner (its Owner cell, or an @owner mark), under one lock (exit 3: nothing to claim)',
      },
      ALLOW_CANCELLED,
      ...WRITE_OPTIONS,
    ],
    examples: ['plan next', 'plan next --owner Opus', 'plan next --sprint 8 --json', 'plan next --claim --owner agent-7 --json'],
    run: async (ctx, { opts: o, filters }) => {
      const [owner, f] = withoutOwner(filters);
      const wait = { allowCancelled: !!o.allowCancelled };
      if (!o.claim) return next(ctx, owner, f, wait);
      if (!owner) throw new UsageError('--claim needs --owner <name>: the name written into the claimed task');
      return (await import('../commands/claim.js')).claim(ctx, owner, f, writeOptionsOf(o), wait);
    },
  },
  {
    name: 'ready',
    paged: true,
    description: "what can start now: open tasks whose dependencies are all done, in `plan next`'s order",
    options: [{ filters: 'narrow' }, SORT_OPTION, ...LEAN_OPTIONS, ALLOW_CANCELLED],
    examples: [
      'plan ready',
      'plan ready --owner Opus --limit 3',
      'plan ready --fields id,title --json',
      'plan ready --sprint 8 --allow-cancelled',
      'plan ready --sort due',
    ],
    run: (ctx, { opts: o, filters }) => {
      const [owner, f] = withoutOwner(filters);
      return ready(ctx, owner, f, { allowCancelled: !!o.allowCancelled }, leanOf(o));
    },
  },
  {
    name: 'add',
    args: [{ name: '<title>', description: "the new task's title" }],
    description:
      'append a task to the task table of a scope (or its task list, where it has no table), with the id after the last one (skipping ids the file already has)',
    options: [
      { flags: '--owner <name>', description: 'owner of the new task' },
      { flags: '--status <status>', description: 'status of the new task (default: pending)', completes: 'statuses' },
      { flags: '--notes <text>', description: 'notes of the new task' },
      ...FIELD_OPTIONS,
      { filters: 'table' },
      ...WRITE_OPTIONS,
    ],
    examples: [
      'plan add "Grafana alerts" --week 1',
      'plan add "Benchmark v1.2" --month 2 --owner Opus',
      'plan add "Write docs" --section "Other Sprint 8" --dry-run',
      'plan add "Report" --phase 5 --notes "write it up"   # a list: - **5.E Report**: write it up',
      'plan add "Pay invoices" --due +3d --priority high --tag finance',
      'plan add "Load test" --week 1 --depends 1.1,1.2 --estimate 3d',
    ],
    run: async (ctx, { args: [title], opts: o, filters }) => {
      const input = { ...filters, title: title!, owner: text(o.owner), status: text(o.status), notes: text(o.notes), ...fieldsOf(o) };
      return (await import('../commands/add.js')).add(ctx, input, writeOptionsOf(o));
    },
  },
  {
    name: 'edit',
    args: [ID_ARG],
    description:
      "change a task's title, owner, notes, due date, priority, tags, dependencies or estimate (table cells, or the parts of a list item), changing nothing else",
    options: [
      { flags: '--title <text>', description: 'new title' },
      { flags: '--owner <name>', description: 'new owner' },
      { flags: '--notes <text>', description: 'new notes' },
      ...FIELD_OPTIONS,
      { flags: '--untag <tag>', description: 'remove this tag; repeatable', repeatable: true },
      { filters: 'pick' },
      ...WRITE_OPTIONS,
    ],
    examples: [
      'plan edit 1.3 --notes "Real-time + historical, via Redis Streams"',
      'plan edit 9 --owner Ana',
      'plan edit 3 --title "Stack overview" --sprint 8',
      'plan edit 5.A --notes ""   # a list item: drops its notes',
      'plan edit 1.3 --due 2026-03-14 --priority high --tag backend',
      'plan edit 1.3 --due "" --untag backend   # removes them',
      'plan edit 1.3 --depends 1.1 --estimate 2d',
    ],
    run: async (ctx, { args: [id], opts: o, filters }) => {
      const changes = { title: text(o.title), owner: text(o.owner), notes: text(o.notes), ...fieldsOf(o), untag: text(o.untag) };
      return (await import('../commands/edit.js')).edit(ctx, id!, changes, filters, writeOptionsOf(o));
    },
  },
  {
    name: 'set',
    args: [
      ID_ARG,
      { name: '<status>', description: 'done, in-progress, pending, blocked, cancelled (or complete, wip, next, todo, ✅, …)', completes: 'status' },
    ],
    description: "set a task's status, in the file's own style, changing nothing else",
    options: [{ flags: '--owner <name>', description: 'also assign the task to name (as plan edit --owner does)' }, { filters: 'write' }, ...WRITE_OPTIONS],
    examples: [
      'plan set 1.2 done',
      'plan set "Write the README" done   # a task named by its title',
      'plan set 3.1 wip --sprint 9',
      'plan set S1-5 wip --owner ana',
      'plan set W2 next --dry-run',
      'plan set 5.A blocked --no-touch',
      "plan set 1.2 in-progress --no-memory   # the file's style, not the remembered text",
    ],
    run: async (ctx, { args: [id, status], opts: o, filters }) =>
      (await import('../commands/set.js')).set(ctx, id!, status!, filters, writeOptionsOf(o), text(o.owner)),
  },
  ...SHORT_SETS.map(
    ([name, status]): PlanCommand => ({
      name,
      args: [ID_ARG],
      description: `short for \`plan set <id> ${status}\``,
      options: [{ flags: '--owner <name>', description: 'also assign the task to name (as plan edit --owner does)' }, { filters: 'write' }, ...WRITE_OPTIONS],
      examples: [`plan ${name} 1.2`, `plan ${name} "Write the README" --dry-run`],
      run: async (ctx, { args: [id], opts: o, filters }) =>
        (await import('../commands/set.js')).set(ctx, id!, status, filters, writeOptionsOf(o), text(o.owner)),
    }),
  ),
  {
    name: 'summary',
    paged: true,
    description: 'progress per heading that holds tasks (sprints, weeks, phases, sections), then for the whole file',
    options: [{ filters: 'narrow' }],
    examples: ['plan summary', 'plan summary --sprint 8', 'plan summary --json | jq ".total.percent"'],
    run: async (ctx, { filters }) => (await import('../commands/summary.js')).summary(ctx, filters),
  },
  {
    name: 'agenda',
    paged: true,
    description: 'what the dates say now: overdue, due today, due this week, scheduled this week (open tasks), grouped by day',
    options: [{ filters: 'narrow' }],
    examples: ['plan agenda', 'plan agenda --owner Ana', 'plan agenda --json | jq ".sections[0].days"', 'plan agenda --plain | cut -f1,3'],
    run: async (ctx, { filters }) => (await import('../commands/agenda.js')).agenda(ctx, filters),
  },
  {
    name: 'board',
    paged: true,
    description: 'a kanban board: a column per status that has tasks, a card per task',
    options: [{ filters: 'narrow' }],
    examples: ['plan board', 'plan board --sprint 8 --owner Opus', 'plan board --plain | cut -f1,2'],
    run: async (ctx, { filters }) => (await import('../commands/board.js')).board(ctx, filters),
  },
  {
    name: 'deps',
    paged: true,
    args: [{ name: '[id]', description: 'a task id (see `plan list`); without it, every task nothing else depends on', completes: 'id' }],
    description: 'the dependency tree: each task with what it depends on below it, and their statuses',
    options: [{ flags: '--mermaid', description: 'print a Mermaid `graph TD` block (fenced) to paste into Markdown docs' }, { filters: 'narrow' }],
    examples: ['plan deps', 'plan deps 3.1 --sprint 9', 'plan deps --json | jq ".edges"', 'plan deps --mermaid >> docs/PLAN.md'],
    run: async (ctx, { args: [id], opts: o, filters }) => (await import('../commands/deps.js')).deps(ctx, id, filters, !!o.mermaid),
  },
  {
    name: 'watch',
    args: [{ name: '[view]', description: 'list, board or summary', choices: ['list', 'board', 'summary'], default: 'list' }],
    description: 'a live view (list, board or summary) redrawn whenever a file of the plan changes, until Ctrl-C; piped, a snapshot per change',
    options: [{ filters: 'narrow' }],
    examples: ['plan watch', 'plan watch board --sprint 8', 'plan watch summary', 'plan watch list --status open --plain | tee log.tsv'],
    run: async (ctx, { args: [view], filters }) => (await import('../commands/watch.js')).watch(ctx, view as 'list' | 'board' | 'summary', filters),
  },
  {
    name: 'serve',
    description: 'the plan as a live board in the browser (drag a card to set its status), on 127.0.0.1 with a token in the URL, until Ctrl-C',
    options: [
      { flags: '--port <n>', description: 'the port to listen on (default 0: any free port; the URL is printed)' },
      { flags: '--host <address>', description: 'listen on this address instead of 127.0.0.1 (warns: others can then reach the board)' },
      { flags: '--open', description: 'open the board in the default browser (best effort)' },
      { flags: '--read-only', description: 'serve the board without any write route' },
      // The board's writes are plan set's and plan edit's: their --no-touch, the same flag.
      ...WRITE_OPTIONS.filter((x) => x.flags === '--no-touch'),
    ],
    examples: ['plan serve --open', 'plan serve --port 8080 --read-only', 'plan -f PLAN.md serve --no-touch'],
    run: async (ctx, { opts: o }) =>
      (await import('../commands/serve.js')).serve(ctx, {
        port: text(o.port),
        host: text(o.host),
        open: !!o.open,
        readOnly: !!o.readOnly,
        touch: o.touch !== false,
      }),
  },
  {
    name: 'check',
    paged: true,
    description: 'report damaged text, duplicate ids, unknown statuses, ragged tables, …; exit 1 on any error',
    options: [{ flags: '--verbose', description: 'a line for each row of an issue that spans a table (by default one line per table)' }],
    examples: ['plan check', 'plan check --verbose', 'plan check --json', 'plan check || plan fix --dry-run'],
    run: async (ctx, { opts: o }) => (await import('../commands/check.js')).check(ctx, { verbose: !!o.verbose }),
  },
  {
    name: 'completion',
    args: [{ name: '<shell>', description: 'bash, zsh or fish', choices: ['bash', 'zsh', 'fish'] }],
    description: 'print a shell completion script (commands, flags, statuses, and task ids read at completion time)',
    examples: ['source <(plan completion bash)', ZSH_COMPLETION_EXAMPLE, 'plan completion fish > ~/.config/fish/completions/plan.fish'],
    run: async (ctx, { args: [shell] }) => (await import('../commands/completion.js')).completion(ctx, COMMANDS, shell!),
  },
  {
    name: 'fix',
    description: 'repair text damaged by a wrong character set (‚úÖ → ✅, â€” → —), changing nothing else',
    options: WRITE_OPTIONS,
    examples: ['plan fix --dry-run', 'plan fix', 'plan check || plan fix'],
    run: async (ctx, { opts: o }) => (await import('../commands/fix.js')).fix(ctx, writeOptionsOf(o)),
  },
  {
    name: 'mcp',
    description: 'serve the plan to AI agents: a Model Context Protocol server on stdio (tools list_tasks, next_task, claim_task, set_status, …)',
    examples: ['plan -f PLAN.md mcp', 'claude mcp add plan -- npx plan -f "$PWD/PLAN.md" mcp'],
    run: async (ctx) => (await import('../commands/mcp.js')).mcp(ctx, VERSION),
  },
  {
    name: 'log',
    paged: true,
    args: [{ name: '[id]', description: 'only the changes of this task', completes: 'id' }],
    description: "the history of the tasks' statuses, owners and titles, from git: one line per change",
    options: [{ filters: 'place' }, { flags: '--since <date>', description: 'only commits since this date (any form git accepts: 2026-02-01, "2 weeks ago")' }],
    examples: ['plan log', 'plan log 1.2', 'plan log --since "2 weeks ago" --sprint 8', 'plan log --json | jq ".commits[0]"'],
    run: async (ctx, { args: [id], opts: o, filters }) => (await import('../commands/log.js')).log(ctx, id, filters, { since: text(o.since) }),
  },
  {
    name: 'burndown',
    paged: true,
    description: 'open versus done tasks over the git history: a sparkline for the file, or per sprint, week, …',
    options: [
      { filters: 'place' },
      { flags: '--by <scope>', description: `one line per ${SCOPE_KINDS.slice(0, -1).join(', ')} or ${SCOPE_KINDS.at(-1)}` },
      { flags: '--since <date>', description: 'only commits since this date (any form git accepts)' },
    ],
    examples: [
      'plan burndown',
      'plan burndown --by sprint',
      'plan burndown --sprint 8 --since 2026-02-01',
      'plan burndown --json | jq ".series[0].points[-1]"',
    ],
    run: async (ctx, { opts: o, filters }) => (await import('../commands/burndown.js')).burndown(ctx, filters, { by: text(o.by), since: text(o.since) }),
  },
  {
    name: 'merge-driver',
    args: [
      { name: '<base>', description: "git's %O: the common ancestor's version" },
      { name: '<ours>', description: "git's %A: our version; the result is written here" },
      { name: '<theirs>', description: "git's %B: their version" },
      { name: '[path]', description: "git's %P: the file's path in the repository (after `--` when it may start with `-`)", completes: 'file' },
    ],
    unknownOptionsAreArgs: true,
    description: 'a git merge driver for plan files: merges task by task, so changes to different tasks merge cleanly (set up by `plan git-setup`)',
    options: [
      { flags: '--marker-size <n>', description: "conflict marker length (git's %L)" },
      { flags: '--label-base <text>', description: 'label of the base in conflicts (git ≥ 2.44: %S)' },
      { flags: '--label-ours <text>', description: 'label of our side in conflicts (%X)' },
      { flags: '--label-theirs <text>', description: 'label of their side in conflicts (%Y)' },
    ],
    examples: [
      'plan git-setup',
      'git config merge.plan.driver "plan merge-driver --marker-size %L -- %O %A %B %P"',
      'plan merge-driver base.md ours.md theirs.md PLAN.md',
    ],
    run: async (ctx, { args: [base, ours, theirs, path], opts: o }) =>
      (await import('../commands/merge-driver.js')).mergeDriver(ctx, base!, ours!, theirs!, path, o),
  },
  {
    name: 'init',
    description:
      'write a starter PLAN.md (a sprint table, a checklist, the legend of its statuses) where there is none; in a git repository, also run git-setup',
    options: [{ flags: '--no-git', description: 'do not run git-setup, even in a git repository' }],
    examples: ['plan init', 'plan -f ROADMAP.md init --no-git'],
    run: async (ctx, { opts: o }) => {
      const { init, initPath } = await import('../commands/init.js');
      const path = initPath(ctx.opts.file);
      const code = init(ctx, path);
      const { inRepository } = await import('../git/repo.js');
      if (code !== 0 || o.git === false || !inRepository(dirname(path))) return code;
      return (await import('../commands/git-setup.js')).gitSetup({ ...ctx, opts: { ...ctx.opts, file: path } }, {});
    },
  },
  {
    name: 'git-setup',
    description: "register plan's merge driver with git: a merge=plan line in .gitattributes and merge.plan.* in the repository's git config",
    options: [
      { flags: '--global', description: 'for every repository: the global attributes file (all the usual plan names) and the global git config' },
      {
        flags: '--command <cmd>',
        description: 'the command git runs for plan (default: `plan` when the plan on PATH is this copy, else this node and plan by absolute path)',
      },
    ],
    examples: ['plan git-setup', 'plan -f docs/ROADMAP.md git-setup', 'plan git-setup --global --command plan'],
    run: async (ctx, { opts: o }) => (await import('../commands/git-setup.js')).gitSetup(ctx, { global: !!o.global, command: text(o.command) }),
  },
  {
    name: 'undo',
    description: "take back plan's own last write to the plan, while the file still holds exactly what it wrote",
    options: [
      { flags: '--list', description: 'the recent writes plan made to this file, newest first' },
      { flags: '--dry-run', description: 'print the diff of the undo and write nothing' },
      { flags: '--force', description: 'undo even when the plan is read_only or the undo passes chars_limit' },
    ],
    examples: ['plan undo', 'plan undo --dry-run', 'plan undo --list'],
    run: async (ctx, { opts: o }) => (await import('../commands/undo.js')).undo(ctx, { dryRun: !!o.dryRun, force: !!o.force, list: !!o.list }),
  },
  {
    name: 'help',
    args: [
      {
        name: '[topic]',
        description: 'a topic of the docs (reading, writing, views, git, mcp, configuration, reference, development) or a command',
        completes: 'command',
      },
    ],
    description: "the docs of a topic, as text on a terminal and Markdown when piped; a command's --help; without a topic, the help of plan",
    examples: ['plan help reading', 'plan help configuration | less', 'plan help list'],
    run: async (ctx, { args: [topic] }) => {
      const names = COMMANDS.filter((c) => !c.hidden).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      const show = (name?: string) => main(['node', 'plan', ...(name ? [name] : []), '--help']);
      return (await import('../commands/help.js')).help(ctx, topic, { names, show });
    },
  },
  {
    name: '__complete-ids',
    hidden: true,
    description: 'the task ids of the plan, for the completion scripts',
    examples: [],
    run: async (ctx) => (await import('../commands/completion.js')).completeIds(ctx),
  },
];

/** A message as stderr shows it: on a terminal, wrapped at spaces to its width (else the terminal breaks words). */
async function forStderr(message: string): Promise<string> {
  const stderr = runtime().stderr;
  if (!stderr.isTTY) return message;
  const [{ wrapMessage }, { terminalWidth }] = await Promise.all([import('../render/fit.js'), import('../render/mode.js')]);
  return wrapMessage(message, stderr.columns || terminalWidth());
}

/**
 * Runs one command line (`argv` as process.argv: node, script, arguments) with
 * the given streams, environment and folder, and returns its exit code.
 */
export async function main(argv: readonly string[], rt: Runtime = processRuntime): Promise<number> {
  const restore = useRuntime(rt);
  try {
    return await run(argv, rt);
  } finally {
    restore();
  }
}

async function run(argv: readonly string[], rt: Runtime): Promise<number> {
  let code = EXIT.ok as number;
  const program = buildProgram(PROGRAM, COMMANDS, (c) => (code = c), true);
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride();
    // Commander echoes the arguments it refuses: they too reach the terminal escaped.
    cmd.configureOutput({
      writeErr: (s) => void rt.stderr.write(visible(s)),
      writeOut: (s) => void rt.stdout.write(visible(s)),
    });
  }
  try {
    const names = new Set(COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]));
    await program.parseAsync(spreadFileArgs(argv, rt.cwd(), names));
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `plan` with no command printed its help on stderr (commander.help): a usage error, as in git.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    const planError = asPlanError(error);
    if (planError) {
      rt.stderr.write(visible(`${await forStderr(`plan: ${planError.message}`)}\n`));
      return planError.exitCode;
    }
    const debug = argv.includes('--debug') || !!envText('DEBUG', rt.env);
    const e = error as Error;
    rt.stderr.write(visible(`plan: unexpected error: ${e?.message ?? String(error)}${debug ? '' : ' (run with --debug for details)'}\n`));
    // Some libraries name their functions in colour (unist's visitors): not in a trace.
    if (debug && e?.stack) rt.stderr.write(visible(`${withoutStyle(e.stack)}\n`));
    return EXIT.failure;
  }
}
