// The commander program built from the table of commands (src/cli/command-table.ts): each
// entry's arguments, options and filters become commander's, its examples
// the end of its --help, and its action runs the entry with what was parsed.

import { Argument, Command, Help, Option } from 'commander';
import { terminalWidth } from '../render/mode.js';
import { makeContext, type Context, type GlobalOptions } from '../commands/context.js';
import { checkFilters, pickFilters, type Filters } from '../query/filter.js';
import type { FilterUse } from '../interface/filter-table.js';
import {
  GLOBAL_OPTIONS,
  HELP_OPTION,
  VERSION_OPTION,
  filterUse,
  optionsOf,
  type ArgSpec,
  type CommandSpec,
  type OptionSpec,
} from '../interface/command-spec.js';

/** What a command is run with: its arguments, its options as commander parsed them, and its filters, checked. */
interface Call {
  args: (string | undefined)[];
  opts: Record<string, unknown>;
  filters: Filters;
}

/** An entry of the table: a command as data, and the function that runs it and returns the exit code. */
export interface PlanCommand extends CommandSpec {
  run(ctx: Context, call: Call): Promise<number>;
}

/** The program's own description and examples (`plan --help`). */
export interface ProgramSpec {
  version: string;
  description: string;
  examples: readonly string[];
}

function option(o: OptionSpec): Option {
  const made = new Option(o.flags, o.description);
  if (o.choices) made.choices(o.choices);
  if (o.default !== undefined) made.default(o.default);
  if (o.repeatable) made.argParser((value: string, previous: string | undefined) => (previous === undefined ? value : `${previous},${value}`));
  if (o.many) made.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  return made;
}

function argument(a: ArgSpec): Argument {
  const made = new Argument(a.name, a.description);
  if (a.choices) made.choices(a.choices);
  if (a.default !== undefined) made.default(a.default);
  return made;
}

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** The filters a command was given, checked (a usage error for `--week abc`). */
function filtersOf(o: Record<string, unknown>, use: FilterUse | null): Filters {
  if (!use) return {};
  const f = pickFilters(o as Filters, use.names);
  checkFilters(f);
  return f;
}

/** The commander command of one entry of the table, named: its arguments, options and action come with complete(). */
function register(program: Command, spec: PlanCommand): Command {
  const cmd = program.command(spec.name, { hidden: spec.hidden }).description(spec.description);
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  return cmd;
}

/** Gives `cmd` the rest of its entry: arguments, options, examples, and the action that runs it and hands its exit code to setExit. */
function complete(program: Command, cmd: Command, spec: PlanCommand, setExit: (code: number) => void): void {
  for (const a of spec.args ?? []) cmd.addArgument(argument(a));
  for (const o of optionsOf(spec)) cmd.addOption(option(o));
  if (spec.unknownOptionsAreArgs) cmd.allowUnknownOption();
  if (spec.examples.length) cmd.addHelpText('after', examples(spec.examples));
  cmd.action(async () => {
    const ctx = makeContext(program.opts<GlobalOptions>(), !!spec.paged);
    const opts = cmd.opts();
    try {
      const code = await spec.run(ctx, { args: cmd.processedArgs, opts, filters: filtersOf(opts, filterUse(spec)) });
      // A file of the plan that could not be read was said on stderr; the rest was shown, and the command fails.
      setExit(code === 0 && ctx.failed ? 1 : code);
    } finally {
      await ctx.flush?.();
    }
  });
}

/**
 * --help laid out for the terminal's width: descriptions start at most 40% of
 * the way across (a longer term has its description on the lines below it),
 * and wrap at spaces to the width, never past it, where the terminal would
 * break words.
 */
function helpLayout(completeAll: () => void, width = terminalWidth()): Partial<Help> {
  return {
    showGlobalOptions: true,
    // The program's help lists each command with its arguments and options (a command's own help lists none).
    visibleCommands(this: Help, cmd: Command): Command[] {
      if (cmd.commands.length) completeAll();
      return Help.prototype.visibleCommands.call(this, cmd);
    },
    helpWidth: width,
    minWidthToWrap: 20,
    padWidth(this: Help, cmd: Command, helper: Help): number {
      return Math.min(Help.prototype.padWidth.call(this, cmd, helper), Math.max(16, Math.floor(width * 0.4)));
    },
    formatItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
      if (!description || helper.displayWidth(term) <= termWidth) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
      const indent = ' '.repeat(termWidth + 4);
      return `  ${term}\n${indent}${helper.boxWrap(description, width - termWidth - 4).replace(/\n/g, `\n${indent}`)}`;
    },
  };
}

/**
 * The program. `lazy` (a run of the CLI): a command gets its arguments, options and action only when it
 * is the one run, or when the program's help lists them; making all of them was a fifth of plan's own
 * start-up. Otherwise (the tests and the docs, which read them) every command is complete at once.
 */
export function buildProgram(spec: ProgramSpec, commands: readonly PlanCommand[], setExit: (code: number) => void, lazy = false): Command {
  const pending = new Map<Command, PlanCommand>();
  const completeOne = (cmd: Command) => {
    const entry = pending.get(cmd);
    if (!entry) return;
    pending.delete(cmd);
    complete(program, cmd, entry, setExit);
  };
  const completeAll = () => {
    for (const cmd of [...pending.keys()]) completeOne(cmd);
  };
  const program = new Command('plan').description(spec.description).version(spec.version, VERSION_OPTION.flags, VERSION_OPTION.description);
  for (const o of GLOBAL_OPTIONS) program.addOption(option(o));
  program
    .helpOption(HELP_OPTION.flags, HELP_OPTION.description)
    // `plan help` is a command of the table (src/cli/command-table.ts): topics of the docs as well as commands.
    .helpCommand(false)
    .showHelpAfterError('(run with --help for usage)')
    // Every command's --help lists -f, --json, --plain, … too.
    .configureHelp(helpLayout(completeAll))
    .addHelpText('after', examples(spec.examples));
  for (const command of commands) pending.set(register(program, command), command);
  // Before commander parses the command's own arguments and options.
  program.hook('preSubcommand', (_program, cmd) => completeOne(cmd));
  if (!lazy) completeAll();
  return program;
}
