// One table of filters and one of commands drive every way in to plan: the
// commander program (and its --help), the MCP tools' input schemas and the
// bash, zsh and fish completion scripts. This test holds them together, so
// that they cannot drift apart again (`plan add` and `plan edit` once lacked
// --milestone, MCP's set_status --owner and --grep, list_tasks
// allow_cancelled): every filter a command takes is a flag of its commander
// command, in its --help, in each shell's script for that command, and an
// argument of the MCP tool that mirrors it.

import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, PROGRAM } from '../../src/cli/command-table.js';
import { buildProgram } from '../../src/cli/program.js';
import { completionScript } from '../../src/commands/completion.js';
import { TOOLS } from '../../src/mcp/tools.js';
import { FILTER_NAMES } from '../../src/query/filter.js';
import { FILTERS, FILTER_USES } from '../../src/interface/filter-table.js';
import { GLOBAL_OPTIONS, filterUse, flagNames, optionsOf, type CommandSpec } from '../../src/interface/command-spec.js';

const program = buildProgram(PROGRAM, COMMANDS, () => {});
const listed = COMMANDS.filter((c) => !c.hidden);
const scripts = { bash: completionScript(COMMANDS, 'bash'), zsh: completionScript(COMMANDS, 'zsh'), fish: completionScript(COMMANDS, 'fish') };

function commanderOf(c: CommandSpec): Command {
  return program.commands.find((x) => x.name() === c.name)!;
}

/** A command's flags as commander parses them (its own, not the global ones), without -h/--help. */
function commanderFlags(c: CommandSpec): string[] {
  return commanderOf(c).options.flatMap((o) => [o.short, o.long].filter((n): n is string => !!n));
}

/** A command's --help as `plan <command> --help` prints it, examples included. */
function helpOf(c: CommandSpec): string {
  const cmd = commanderOf(c);
  let out = '';
  cmd.configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (out += s) });
  cmd.outputHelp();
  return out;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The flags each shell's script offers after a command (`plan list --<Tab>`), -h/--help left out. */
const scriptFlags: Record<keyof typeof scripts, (c: CommandSpec) => string[]> = {
  bash: (c) => {
    const names = [c.name, ...(c.aliases ?? [])].join('|');
    const m = new RegExp(`^ {4}${literal(names)}\\) flags="([^"]*)"`, 'm').exec(scripts.bash);
    return m ? m[1]!.split(' ').filter(Boolean) : [];
  },
  zsh: (c) => {
    const names = [c.name, ...(c.aliases ?? [])].map((n) => `'${n}'`).join('|');
    const m = new RegExp(`^ {4}${literal(names)}\\)\\n {6}flags=\\( (.*) \\)$`, 'm').exec(scripts.zsh);
    return m ? [...m[1]!.matchAll(/'(-[^:]+):/g)].map((x) => x[1]!) : [];
  },
  fish: (c) => {
    const condition = `-n '__plan_in_command ${[c.name, ...(c.aliases ?? [])].join(' ')}'`;
    const lines = scripts.fish.split('\n').filter((l) => l.startsWith(`complete -c plan ${condition} `));
    return lines.flatMap((l) => [...l.matchAll(/ -([ls]) (\S+)/g)].map((m) => (m[1] === 'l' ? `--${m[2]}` : `-${m[2]}`)));
  },
};

const withoutHelp = (flags: string[]) => flags.filter((f) => f !== '-h' && f !== '--help').sort();

describe('the filter table', () => {
  it('has every filter the query knows, and plan list takes them all', () => {
    expect(FILTERS.map((f) => f.name)).toEqual([...FILTER_NAMES]);
    expect(filterUse(COMMANDS.find((c) => c.name === 'list')!)).toBe(FILTER_USES.narrow);
  });

  for (const f of FILTERS) {
    const takers = listed.filter((c) => filterUse(c)?.names.includes(f.name));
    it(`--${f.name}: a flag, in --help, and in the bash, zsh and fish scripts of each of ${takers.length} commands`, () => {
      expect(takers.length).toBeGreaterThan(0);
      for (const c of takers) {
        expect(commanderFlags(c), c.name).toContain(`--${f.name}`);
        const value = f.valueName === null ? '' : ` <${literal(f.valueName)}>`;
        expect(helpOf(c), c.name).toMatch(new RegExp(`\\n {2}--${f.name}${value} +\\S`));
        for (const shell of ['bash', 'zsh', 'fish'] as const) expect(scriptFlags[shell](c), `${shell}: ${c.name}`).toContain(`--${f.name}`);
      }
    });

    const tools = TOOLS.filter((t) => takers.some((c) => c.name === t.mirrors));
    it(`${f.name}: an argument of each of the ${tools.length} MCP tools whose command takes it`, () => {
      expect(tools.length).toBeGreaterThan(0);
      for (const t of tools) expect(Object.keys(t.input), t.name).toContain(f.name);
    });
  }
});

describe('the command table', () => {
  for (const c of listed) {
    it(`${c.name}: commander, --help and every shell offer the same flags, and --help has examples`, () => {
      const own = optionsOf(c).flatMap((o) => flagNames(o).names);
      expect(withoutHelp(commanderFlags(c))).toEqual([...own].sort());
      for (const shell of ['bash', 'zsh', 'fish'] as const) expect(withoutHelp(scriptFlags[shell](c)), shell).toEqual([...own].sort());
      const help = helpOf(c);
      for (const flag of own) expect(help, flag).toContain(flag);
      expect(c.examples.length).toBeGreaterThan(0);
      expect(help).toMatch(/\nExamples:\n {2}\$ (plan|source|git) /);
    });
  }

  it('gives every global flag to commander and to every shell', () => {
    const flags = GLOBAL_OPTIONS.flatMap((o) => flagNames(o).names);
    const parsed = program.options.flatMap((o) => [o.short, o.long]);
    for (const flag of flags) {
      expect(parsed).toContain(flag);
      expect(scripts.bash, flag).toMatch(new RegExp(`_plan_global_flags="[^"]*(?<=[" ])${literal(flag)}[" ]`));
      expect(scripts.zsh, flag).toContain(`'${flag}:`);
      expect(scripts.fish, flag).toMatch(new RegExp(`^complete -c plan (-s \\S+ )?-l ${literal(flag.replace(/^--?/, ''))}|-s ${literal(flag.slice(1))} `, 'm'));
    }
  });
});

/**
 * Options of a command that its MCP tool leaves out on purpose: terminal
 * views, and the write options an agent does not get (no --force over MCP:
 * it cannot lift read_only; dates are always touched, the memory always
 * used). `plan next --claim` is a tool of its own, claim_task.
 */
const NO_AGENT_WRITE_OPTIONS = ['--force', '--no-touch', '--no-memory'];
const CLI_ONLY: Record<string, readonly string[]> = {
  list_tasks: ['--group', '--wide'],
  next_task: ['--claim', '--dry-run', ...NO_AGENT_WRITE_OPTIONS],
  claim_task: ['--claim', ...NO_AGENT_WRITE_OPTIONS],
  set_status: NO_AGENT_WRITE_OPTIONS,
  add_task: NO_AGENT_WRITE_OPTIONS,
  edit_task: NO_AGENT_WRITE_OPTIONS,
  check: ['--verbose'],
};

/** A flag as an MCP argument name: `--blocked-by` → `blocked_by`, `--dry-run` → `dry_run`. */
const argName = (flag: string) => flag.replace(/^--/, '').replace(/-/g, '_');

describe('the MCP tools', () => {
  for (const t of TOOLS) {
    it(`${t.name} takes what \`plan ${t.mirrors}\` takes: its arguments, filters and options`, () => {
      const c = COMMANDS.find((x) => x.name === t.mirrors);
      expect(c, t.mirrors).toBeDefined();
      const keys = Object.keys(t.input);
      for (const a of c!.args ?? []) expect(keys, a.name).toContain(a.name.replace(/[<>[\]]/g, ''));
      const flags = optionsOf(c!).flatMap((o) => flagNames(o).names.filter((n) => n.startsWith('--')));
      for (const flag of flags.filter((f) => !CLI_ONLY[t.name]?.includes(f))) expect(keys, flag).toContain(argName(flag));
      // And no filter the command does not take (a filter's name is the tool's own argument only where the command has that option).
      for (const k of keys.filter((k) => (FILTER_NAMES as readonly string[]).includes(k))) expect(flags, k).toContain(`--${k}`);
    });
  }
});
