// --help fits the terminal: at 80 and 60 columns no line runs past the
// width (the terminal would break it mid-word), descriptions wrap at spaces,
// and none starts further across than 40% of the width.
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, PROGRAM } from '../../src/cli/command-table.js';
import { buildProgram } from '../../src/cli/program.js';
import { textWidth } from '../../src/text/width.js';

const saved = process.env.COLUMNS;
afterEach(() => {
  if (saved === undefined) delete process.env.COLUMNS;
  else process.env.COLUMNS = saved;
});

function helpAt(width: number, command?: string): string {
  process.env.COLUMNS = String(width);
  const program = buildProgram(PROGRAM, COMMANDS, () => {});
  const cmd = command ? program.commands.find((c) => c.name() === command)! : program;
  return cmd.helpInformation();
}

describe('--help at the terminal width', () => {
  for (const width of [80, 60]) {
    for (const command of [undefined, 'set', 'list', 'add']) {
      it(`plan ${command ?? ''} --help at ${width} columns`, () => {
        const help = helpAt(width, command);
        // A line longer than the width is one word that no line could hold.
        for (const line of help.split('\n')) if (textWidth(line) > width) expect(line.trim(), line).not.toMatch(/\s/);
        // The same words, in the same order, as the help laid out with room to spare.
        const words = (s: string) => s.split(/\s+/).filter(Boolean);
        expect(words(help)).toEqual(words(helpAt(1000, command)));
        // Descriptions of the option and command lists start no further across than 40% of the width.
        const items = help.split('\n').filter((l) => /^ {2}\S.*\S {2,}\S/.test(l));
        for (const l of items) expect(l.search(/\S {2,}\S/) + 3, l).toBeLessThanOrEqual(Math.max(16, Math.floor(width * 0.4)) + 4);
      });
    }
  }
});

describe('the program a run builds (lazy)', () => {
  it('makes a command’s options only for the command run, and its help is the same as the whole program’s', async () => {
    process.env.COLUMNS = '80';
    const lazy = buildProgram(PROGRAM, COMMANDS, () => {}, true);
    expect(lazy.commands.filter((c) => c.options.length > 0 || c.registeredArguments.length > 0)).toEqual([]);
    const eager = buildProgram(PROGRAM, COMMANDS, () => {});
    // The program's help lists every command with its arguments and options: it completes them all.
    expect(lazy.helpInformation()).toBe(eager.helpInformation());
    for (const [i, c] of lazy.commands.entries()) expect(c.helpInformation(), c.name()).toBe(eager.commands[i]!.helpInformation());
  });

  it('completes the command it dispatches to before that command parses its options', async () => {
    const lazy = buildProgram(PROGRAM, COMMANDS, () => {}, true);
    const list = lazy.commands.find((c) => c.name() === 'list')!;
    list.exitOverride();
    list.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    await expect(lazy.parseAsync(['list', '--help'], { from: 'user' })).rejects.toMatchObject({ code: 'commander.helpDisplayed' });
    expect(list.options.map((o) => o.long)).toContain('--week');
    expect(lazy.commands.filter((c) => c.options.length > 0).map((c) => c.name())).toEqual(['list']);
  });
});
