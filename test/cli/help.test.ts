// What a newcomer meets first: plan alone, and each command's --help.
import { describe, expect, it } from 'vitest';
import { runCli as cli } from '../helpers/cli.js';

describe('help', () => {
  it('plan with no command is a usage error, as in git: help on stderr, exit 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: plan \[options\] \[command\]/);
    expect(r.stderr).toContain('Commands:');
  });

  it('plan --help prints the same help on stdout and exits 0', async () => {
    const r = await cli(['--help']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe((await cli([])).stderr);
  });

  for (const command of ['list', 'show', 'next', 'set', 'add', 'edit', 'summary', 'board', 'check', 'fix']) {
    it(`plan ${command} --help lists the global flags and has examples`, async () => {
      const r = await cli([command, '--help']);
      expect(r.code).toBe(0);
      const global = r.stdout.slice(r.stdout.indexOf('Global Options:'));
      for (const flag of ['-f, --file <path>', '--json', '--plain', '--no-color', '--debug']) expect(global, flag).toContain(flag);
      expect(r.stdout).toMatch(/\nExamples:\n {2}\$ plan /);
    });
  }

  it('says what the scope flags mean for each writer: add picks a table, edit one of several tasks', async () => {
    expect((await cli(['add', '--help'])).stdout).toMatch(/--sprint <n> +the task table of sprint n/);
    expect((await cli(['edit', '--help'])).stdout).toMatch(/--sprint <n> +when the id repeats, the task in sprint n/);
  });
});
