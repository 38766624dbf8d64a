// The command table. The only place that decides the exit code: commands return
// one, errors become one line on stderr (a stack trace only with --debug).
// Importing this file runs nothing; src/main.ts runs main() for bin/plan.js.

import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { EXIT, UsageError, asPlanError } from './errors.js';
import { visible, withoutStyle } from './text/visible.js';
// The read commands are the hot path (shell prompts, agent loops): they are
// bundled with this file. Writers, views and the MCP server load on demand.
import { makeContext, type Context, type GlobalOptions } from './commands/context.js';
import { list } from './commands/list.js';
import { show } from './commands/show.js';
import { next } from './commands/next.js';
// The writers too: their heavy parts (the lock library, the diff) load on demand.
import { set } from './commands/set.js';
import { add } from './commands/add.js';
import { edit } from './commands/edit.js';
import { claim } from './commands/claim.js';
import { checkFilters, type Filters } from './query/filter.js';
import { ready } from './commands/ready.js';
import { parseFields, parseLimit } from './render/lean.js';

// Set by scripts/build.mjs from package.json; unbundled (tests importing this
// file) it is read from package.json directly.
declare const __PLAN_VERSION__: string;
const VERSION = typeof __PLAN_VERSION__ === 'string' ? __PLAN_VERSION__ : packageVersion();

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh parameter expansion, printed as is
const ZSH_COMPLETION_EXAMPLE = 'plan completion zsh > "${fpath[1]}/_plan"';

function filterOptions(cmd: Command): Command {
  return scopeFilterOptions(cmd)
    .option('--status <s,...>', 'only these statuses (done, in-progress, pending, blocked, cancelled, none, open)')
    .option('--grep <text>', 'only tasks whose fields contain text')
    .option('--line <n>', 'only the task on line n (to pick one of several equal ids)');
}

/** The filters that name which tasks by where they stand (and who owns them). */
function scopeFilterOptions(cmd: Command): Command {
  return cmd
    .option('--sprint <n>', 'only tasks in sprint n')
    .option('--week <n>', 'only tasks in week n (a range like 2-6 matches 3)')
    .option('--month <n>', 'only tasks in month n')
    .option('--phase <n>', 'only tasks in phase n')
    .option('--milestone <n>', 'only tasks in milestone n')
    .option('--section <text>', 'only tasks under a heading containing text')
    .option('--owner <name>', 'only tasks of this owner (case-insensitive)');
}

function filtersOf(o: Record<string, unknown>): Filters {
  const keys = ['sprint', 'week', 'month', 'phase', 'milestone', 'section', 'status', 'owner', 'grep', 'line'] as const;
  const f: Filters = {};
  for (const k of keys) if (typeof o[k] === 'string') f[k] = o[k] as string;
  checkFilters(f);
  return f;
}

/** Only the scope flags: for commands whose --owner/--status set values rather than filter. */
function scopeFiltersOf(o: Record<string, unknown>): Filters {
  const { sprint, week, month, phase, milestone, section, line } = filtersOf(o);
  return Object.fromEntries(Object.entries({ sprint, week, month, phase, milestone, section, line }).filter(([, v]) => v !== undefined));
}

/** `--fields` and `--limit`: lean output for scripts and agents. */
function leanOptions(cmd: Command): Command {
  return cmd.option('--fields <list>', 'only these fields of each task, e.g. id,title,status (id is always included)').option('--limit <n>', 'at most n tasks');
}

function leanOf(o: Record<string, unknown>) {
  return { fields: parseFields(o.fields as string | undefined), limit: parseLimit(o.limit as string | undefined) };
}

function allowCancelled(cmd: Command): Command {
  return cmd.option('--allow-cancelled', 'a cancelled dependency counts as satisfied (by default only a done one does)');
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

async function context(program: Command): Promise<Context> {
  return makeContext(program.opts<GlobalOptions>());
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('plan')
    .description('A task tracker for Markdown planning files: list, pick and update the tasks in your plan.')
    .version(VERSION, '-V, --version')
    .option('-f, --file <path>', 'the plan file (default: $PLAN_FILE, else PLAN.md, ROADMAP.md, TODO.md, … in this folder or a parent)')
    .option('--json', 'print JSON (with a schemaVersion)')
    .option('--plain', 'print tab-separated text (the default when piped)')
    .option('--no-color', 'no colours (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--debug', 'print the stack trace of an unexpected error (also DEBUG=1)')
    .showHelpAfterError('(run with --help for usage)')
    // Every command's --help lists -f, --json, --plain, … too.
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      'after',
      examples([
        'plan -f seeds/progress_planning.md list --week 1',
        'plan next --owner Opus',
        'plan show 1.2',
        'plan list --status open --json | jq ".tasks[].id"',
      ]),
    );

  allowCancelled(
    leanOptions(
      filterOptions(program.command('list').alias('ls').description('list the tasks that match every filter, in file order, grouped under their headings'))
        .addOption(new Option('--group <by>', 'on a terminal: group under headings, or one flat list').choices(['heading', 'none']).default('heading'))
        .option('--wide', 'on a terminal: every column at full width, nothing wrapped')
        .option('--waiting', 'only open tasks waiting on a dependency that is not done')
        .option('--blocked-by <id>', 'only open tasks that cannot start until this task is done (directly or through others)'),
    ),
  )
    .addHelpText(
      'after',
      examples([
        'plan list --week 1',
        'plan ls --sprint 8 --status open',
        'plan list --group none --wide',
        'plan list --owner any --plain | cut -f1,4',
        'plan list --waiting',
        'plan list --blocked-by 1.2 --fields id,title,status --json',
      ]),
    )
    .action(async (o: Record<string, unknown>) => {
      const view = { wide: !!o.wide, group: o.group as 'heading' | 'none' };
      const deps = { waiting: !!o.waiting, blockedBy: o.blockedBy as string | undefined, allowCancelled: !!o.allowCancelled };
      setExit(await list(await context(program), filtersOf(o), view, deps, leanOf(o)));
    });

  filterOptions(program.command('show').argument('<id>', 'task id (see `plan list`)').description('show every field of one task, with file:line'))
    .addHelpText('after', examples(['plan show 1.2', 'plan show 3.1 --sprint 9', 'plan show W2 --json']))
    .action(async (id: string, o: Record<string, unknown>) => {
      setExit(await show(await context(program), id, filtersOf(o)));
    });

  writeOptions(
    allowCancelled(
      filterOptions(
        program
          .command('next')
          .description('pick the task to work on next: in-progress first, then pending; by priority, then file order; never one waiting on a dependency'),
      ).option(
        '--claim',
        'take the task: mark it in progress and record --owner (its Owner cell, or an @owner mark), under one lock (exit 3: nothing to claim)',
      ),
    ),
  )
    .addHelpText('after', examples(['plan next', 'plan next --owner Opus', 'plan next --sprint 8 --json', 'plan next --claim --owner agent-7 --json']))
    .action(async (o: Record<string, unknown>) => {
      const f = filtersOf(o);
      const owner = f.owner;
      delete f.owner;
      const wait = { allowCancelled: !!o.allowCancelled };
      if (o.claim) {
        if (!owner) throw new UsageError('--claim needs --owner <name>: the name written into the claimed task');
        setExit(await claim(await context(program), owner, f, writeOptionsOf(o), wait));
        return;
      }
      setExit(await next(await context(program), owner, f, wait));
    });

  allowCancelled(
    leanOptions(filterOptions(program.command('ready').description("what can start now: open tasks whose dependencies are all done, in `plan next`'s order"))),
  )
    .addHelpText(
      'after',
      examples(['plan ready', 'plan ready --owner Opus --limit 3', 'plan ready --fields id,title --json', 'plan ready --sprint 8 --allow-cancelled']),
    )
    .action(async (o: Record<string, unknown>) => {
      const f = filtersOf(o);
      const owner = f.owner;
      delete f.owner;
      setExit(await ready(await context(program), owner, f, { allowCancelled: !!o.allowCancelled }, leanOf(o)));
    });

  writeOptions(
    scopeOptions(
      'the task table of',
      program
        .command('add')
        .argument('<title>', "the new task's title")
        .description(
          'append a task to the task table of a scope (or its task list, where it has no table), with the id after the last one (skipping ids the file already has)',
        )
        .option('--owner <name>', 'owner of the new task')
        .option('--status <status>', 'status of the new task (default: pending)')
        .option('--notes <text>', 'notes of the new task'),
      false,
    ),
  )
    .addHelpText(
      'after',
      examples([
        'plan add "Grafana alerts" --week 1',
        'plan add "Benchmark v1.2" --month 2 --owner Opus',
        'plan add "Write docs" --section "Other Sprint 8" --dry-run',
        'plan add "Report" --phase 5 --notes "write it up"   # a list: - **5.E Report**: write it up',
      ]),
    )
    .action(async (title: string, o: Record<string, unknown>) => {
      const input = {
        ...scopeFiltersOf(o),
        title,
        owner: o.owner as string | undefined,
        status: o.status as string | undefined,
        notes: o.notes as string | undefined,
      };
      setExit(await add(await context(program), input, writeOptionsOf(o)));
    });

  writeOptions(
    scopeOptions(
      'when the id repeats, the task in',
      program
        .command('edit')
        .argument('<id>', 'task id (see `plan list`)')
        .description("change a task's title, owner or notes (table cells, or the parts of a list item), changing nothing else")
        .option('--title <text>', 'new title')
        .option('--owner <name>', 'new owner')
        .option('--notes <text>', 'new notes'),
      true,
    ),
  )
    .addHelpText(
      'after',
      examples([
        'plan edit 1.3 --notes "Real-time + historical, via Redis Streams"',
        'plan edit 9 --owner Ana',
        'plan edit 3 --title "Stack overview" --sprint 8',
        'plan edit 5.A --notes ""   # a list item: drops its notes',
      ]),
    )
    .action(async (id: string, o: Record<string, unknown>) => {
      const changes = { title: o.title as string | undefined, owner: o.owner as string | undefined, notes: o.notes as string | undefined };
      setExit(await edit(await context(program), id, changes, scopeFiltersOf(o), writeOptionsOf(o)));
    });

  writeOptions(
    filterOptions(
      program
        .command('set')
        .argument('<id>', 'task id (see `plan list`)')
        .argument('<status>', 'done, in-progress, pending, blocked, cancelled (or complete, wip, next, todo, ✅, …)')
        .description("set a task's status, in the file's own style, changing nothing else"),
    ),
  )
    .addHelpText(
      'after',
      examples([
        'plan set 1.2 done',
        'plan set 3.1 wip --sprint 9',
        'plan set W2 next --dry-run',
        'plan set 5.A blocked --no-touch',
        "plan set 1.2 in-progress --no-memory   # the file's style, not the remembered text",
      ]),
    )
    .action(async (id: string, status: string, o: Record<string, unknown>) => {
      setExit(await set(await context(program), id, status, filtersOf(o), writeOptionsOf(o)));
    });

  filterOptions(program.command('summary').description('progress per heading that holds tasks (sprints, weeks, phases, sections), then for the whole file'))
    .addHelpText('after', examples(['plan summary', 'plan summary --sprint 8', 'plan summary --json | jq ".total.percent"']))
    .action(async (o: Record<string, unknown>) => {
      const { summary } = await import('./commands/summary.js');
      setExit(await summary(await context(program), filtersOf(o)));
    });

  filterOptions(program.command('board').description('a kanban board: a column per status that has tasks, a card per task'))
    .addHelpText('after', examples(['plan board', 'plan board --sprint 8 --owner Opus', 'plan board --plain | cut -f1,2']))
    .action(async (o: Record<string, unknown>) => {
      const { board } = await import('./commands/board.js');
      setExit(await board(await context(program), filtersOf(o)));
    });

  filterOptions(
    program
      .command('deps')
      .argument('[id]', 'a task id (see `plan list`); without it, every task nothing else depends on')
      .description('the dependency tree: each task with what it depends on below it, and their statuses')
      .option('--mermaid', 'print a Mermaid `graph TD` block (fenced) to paste into Markdown docs'),
  )
    .addHelpText('after', examples(['plan deps', 'plan deps 3.1 --sprint 9', 'plan deps --json | jq ".edges"', 'plan deps --mermaid >> docs/PLAN.md']))
    .action(async (id: string | undefined, o: Record<string, unknown>) => {
      const { deps } = await import('./commands/deps.js');
      setExit(await deps(await context(program), id, filtersOf(o), !!o.mermaid));
    });

  filterOptions(
    program
      .command('watch')
      .addArgument(new Argument('[view]', 'list, board or summary').choices(['list', 'board', 'summary']).default('list'))
      .description('a live view (list, board or summary) redrawn whenever the plan file changes, until Ctrl-C; piped, a snapshot per change'),
  )
    .addHelpText('after', examples(['plan watch', 'plan watch board --sprint 8', 'plan watch summary', 'plan watch list --status open --plain | tee log.tsv']))
    .action(async (view: 'list' | 'board' | 'summary', o: Record<string, unknown>) => {
      const { watch } = await import('./commands/watch.js');
      setExit(await watch(await context(program), view, filtersOf(o)));
    });

  program
    .command('check')
    .description('report damaged text, duplicate ids, unknown statuses, ragged tables, …; exit 1 on any error')
    .option('--verbose', 'a line for each row of an issue that spans a table (by default one line per table)')
    .addHelpText('after', examples(['plan check', 'plan check --verbose', 'plan check --json', 'plan check || plan fix --dry-run']))
    .action(async (o: Record<string, unknown>) => {
      const { check } = await import('./commands/check.js');
      setExit(await check(await context(program), { verbose: !!o.verbose }));
    });

  program
    .command('completion')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .description('print a shell completion script (commands, flags, statuses, and task ids read at completion time)')
    .addHelpText('after', examples(['source <(plan completion bash)', ZSH_COMPLETION_EXAMPLE, 'plan completion fish > ~/.config/fish/completions/plan.fish']))
    .action(async (shell: string) => {
      const { completion } = await import('./commands/completion.js');
      setExit(await completion(await context(program), program, shell));
    });

  writeOptions(program.command('fix').description('repair text damaged by a wrong character set (‚úÖ → ✅, â€” → —), changing nothing else'))
    .addHelpText('after', examples(['plan fix --dry-run', 'plan fix', 'plan check || plan fix']))
    .action(async (o: Record<string, unknown>) => {
      const { fix } = await import('./commands/fix.js');
      setExit(await fix(await context(program), writeOptionsOf(o)));
    });

  program
    .command('mcp')
    .description('serve the plan to AI agents: a Model Context Protocol server on stdio (tools list_tasks, next_task, claim_task, set_status, …)')
    .addHelpText('after', examples(['plan -f PLAN.md mcp', 'claude mcp add plan -- npx plan -f "$PWD/PLAN.md" mcp']))
    .action(async () => {
      const { mcp } = await import('./commands/mcp.js');
      setExit(await mcp(await context(program), VERSION));
    });

  scopeFilterOptions(
    program
      .command('log')
      .argument('[id]', 'only the changes of this task')
      .description("the history of the tasks' statuses, owners and titles, from git: one line per change"),
  )
    .option('--since <date>', 'only commits since this date (any form git accepts: 2026-02-01, "2 weeks ago")')
    .addHelpText('after', examples(['plan log', 'plan log 1.2', 'plan log --since "2 weeks ago" --sprint 8', 'plan log --json | jq ".commits[0]"']))
    .action(async (id: string | undefined, o: Record<string, unknown>) => {
      const { log } = await import('./commands/log.js');
      setExit(await log(await context(program), id, filtersOf(o), { since: o.since as string | undefined }));
    });

  scopeFilterOptions(program.command('burndown').description('open versus done tasks over the git history: a sparkline for the file, or per sprint, week, …'))
    .option('--by <scope>', 'one line per sprint, week, month, phase or milestone')
    .option('--since <date>', 'only commits since this date (any form git accepts)')
    .addHelpText(
      'after',
      examples([
        'plan burndown',
        'plan burndown --by sprint',
        'plan burndown --sprint 8 --since 2026-02-01',
        'plan burndown --json | jq ".series[0].points[-1]"',
      ]),
    )
    .action(async (o: Record<string, unknown>) => {
      const { burndown } = await import('./commands/burndown.js');
      setExit(await burndown(await context(program), filtersOf(o), { by: o.by as string | undefined, since: o.since as string | undefined }));
    });

  program
    .command('merge-driver')
    .argument('<base>', "git's %O: the common ancestor's version")
    .argument('<ours>', "git's %A: our version; the result is written here")
    .argument('<theirs>', "git's %B: their version")
    .argument('[path]', "git's %P: the file's path in the repository")
    .option('--marker-size <n>', "conflict marker length (git's %L)")
    .option('--label-base <text>', 'label of the base in conflicts (git ≥ 2.44: %S)')
    .option('--label-ours <text>', 'label of our side in conflicts (%X)')
    .option('--label-theirs <text>', 'label of their side in conflicts (%Y)')
    .description('a git merge driver for plan files: merges task by task, so changes to different tasks merge cleanly (set up by `plan git-setup`)')
    .addHelpText(
      'after',
      examples([
        'plan git-setup',
        'git config merge.plan.driver "plan merge-driver %O %A %B %P --marker-size %L"',
        'plan merge-driver base.md ours.md theirs.md PLAN.md',
      ]),
    )
    .action(async (base: string, ours: string, theirs: string, path: string | undefined, o: Record<string, unknown>) => {
      const { mergeDriver } = await import('./commands/merge-driver.js');
      setExit(await mergeDriver(await context(program), base, ours, theirs, path, o));
    });

  program
    .command('git-setup')
    .description("register plan's merge driver with git: a merge=plan line in .gitattributes and merge.plan.* in the repository's git config")
    .option('--global', 'for every repository: the global attributes file (all the usual plan names) and the global git config')
    .option('--command <cmd>', 'the command git runs for plan (default: this node and plan, by absolute path)')
    .addHelpText('after', examples(['plan git-setup', 'plan -f docs/ROADMAP.md git-setup', 'plan git-setup --global --command plan']))
    .action(async (o: Record<string, unknown>) => {
      const { gitSetup } = await import('./commands/git-setup.js');
      setExit(await gitSetup(await context(program), { global: !!o.global, command: o.command as string | undefined }));
    });

  program
    .command('undo')
    .description("take back plan's own last write to the plan, while the file still holds exactly what it wrote")
    .option('--list', 'the recent writes plan made to this file, newest first')
    .option('--dry-run', 'print the diff of the undo and write nothing')
    .option('--force', 'undo even when the plan is read_only or the undo passes chars_limit')
    .addHelpText('after', examples(['plan undo', 'plan undo --dry-run', 'plan undo --list']))
    .action(async (o: Record<string, unknown>) => {
      const { undo } = await import('./commands/undo.js');
      setExit(await undo(await context(program), { dryRun: !!o.dryRun, force: !!o.force, list: !!o.list }));
    });

  program.command('__complete-ids', { hidden: true }).action(async () => {
    const { completeIds } = await import('./commands/completion.js');
    setExit(await completeIds(await context(program)));
  });

  return program;
}

/**
 * Flags that name a scope, for commands where --owner/--status set values
 * rather than filter: `add` picks a table with them, `edit` one of several
 * tasks with the same id.
 */
function scopeOptions(meaning: string, cmd: Command, line: boolean): Command {
  cmd
    .option('--sprint <n>', `${meaning} sprint n`)
    .option('--week <n>', `${meaning} week n`)
    .option('--month <n>', `${meaning} month n`)
    .option('--phase <n>', `${meaning} phase n`)
    .option('--milestone <n>', `${meaning} milestone n`)
    .option('--section <text>', `${meaning} the section whose heading path contains text`);
  return line ? cmd.option('--line <n>', 'the task on line n (to pick one of several equal ids)') : cmd;
}

function writeOptions(cmd: Command): Command {
  return cmd
    .option('--dry-run', 'print the diff of what would change and write nothing')
    .option('--force', 'write even when the plan is read_only or the write passes chars_limit')
    .option('--no-touch', 'leave the `modified:` and `Last Updated` dates as they are')
    .option('--no-memory', "write the file's own style, not the text plan remembers replacing (set and set back)");
}

function writeOptionsOf(o: Record<string, unknown>): { dryRun: boolean; force: boolean; touch: boolean; memory: boolean } {
  return { dryRun: !!o.dryRun, force: !!o.force, touch: o.touch !== false, memory: o.memory !== false };
}

export async function main(argv: string[]): Promise<number> {
  let code = EXIT.ok as number;
  const program = buildProgram((c) => (code = c));
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride();
    // Commander echoes the arguments it refuses: they too reach the terminal escaped.
    cmd.configureOutput({
      writeErr: (s) => process.stderr.write(visible(s)),
      writeOut: (s) => process.stdout.write(visible(s)),
    });
  }
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `plan` with no command printed its help on stderr (commander.help): a usage error, as in git.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    const planError = asPlanError(error);
    if (planError) {
      process.stderr.write(visible(`plan: ${planError.message}\n`));
      return planError.exitCode;
    }
    const debug = argv.includes('--debug') || !!process.env.DEBUG;
    const e = error as Error;
    process.stderr.write(visible(`plan: unexpected error: ${e?.message ?? String(error)}${debug ? '' : ' (run with --debug for details)'}\n`));
    // Some libraries name their functions in colour (unist's visitors): not in a trace.
    if (debug && e?.stack) process.stderr.write(visible(`${withoutStyle(e.stack)}\n`));
    return EXIT.failure;
  }
}
