// Bad arguments and refused writes are tool errors (isError) with the CLI's
// one-line message; the server answers the next call; the file is untouched.

import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SEED, writeTemp } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { sessionOn, textOf, withSession, type Session } from './client.js';

const seedText = readFileSync(SEED, 'utf8');

/** The message `plan <args>` prints on stderr, without `plan: ` and the newline. */
async function cliMessage(file: string, args: string[], code = 1): Promise<string> {
  const r = await runCli(['-f', file, ...args]);
  expect(r.code, args.join(' ')).toBe(code);
  expect(r.stderr).toMatch(/^plan: /);
  return r.stderr.replace(/^plan: /, '').replace(/\n$/, '');
}

describe('plan mcp: bad arguments', () => {
  const on = sessionOn(SEED, 'progress_planning.md');
  const copy = { file: on.file };
  let s: Session;
  beforeAll(() => {
    s = on.session();
  });

  async function stillServing(): Promise<void> {
    const r = await s.call('show_task', { id: '1.2' });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ task: { id: '1.2', status: 'in-progress' } });
  }

  it('unknown ids, statuses and filters give the CLI message', async () => {
    const cases: [string, Record<string, unknown>, string[], number][] = [
      ['show_task', { id: '9.9' }, ['show', '9.9'], 1],
      ['show_task', { id: '1.22' }, ['show', '1.22'], 1],
      ['set_status', { id: 'nope', status: 'done' }, ['set', 'nope', 'done'], 1],
      ['set_status', { id: '1.2', status: 'bogus' }, ['set', '1.2', 'bogus'], 2],
      ['list_tasks', { status: 'bogus' }, ['list', '--status', 'bogus'], 2],
      ['summary', { status: 'sideways' }, ['summary', '--status', 'sideways'], 2],
      ['edit_task', { id: '5', notes: 'more' }, ['edit', '5', '--notes', 'more'], 1],
      ['edit_task', { id: '1.1', owner: 'Ana Maria' }, ['edit', '1.1', '--owner', 'Ana Maria'], 2],
      ['add_task', { title: 'Nowhere', sprint: '42' }, ['add', 'Nowhere', '--sprint', '42'], 1],
      ['add_task', { title: 'Which table?', sprint: '8' }, ['add', 'Which table?', '--sprint', '8'], 1],
      ['add_task', { title: 'x', week: '1', status: 'bogus' }, ['add', 'x', '--week', '1', '--status', 'bogus'], 2],
      // A line break or control character in any value a write takes is a usage error (exit 2), nothing written.
      ['set_status', { id: '1.2', status: 'done\nrm -rf' }, ['set', '1.2', 'done\nrm -rf'], 2],
      ['set_status', { id: '1.2\r', status: 'done' }, ['set', '1.2\r', 'done'], 2],
      ['edit_task', { id: '1.2', title: 'a\u001b[2Jb' }, ['edit', '1.2', '--title', 'a\u001b[2Jb'], 2],
      ['claim_task', { owner: 'Opus\u2028x' }, ['next', '--claim', '--owner', 'Opus\u2028x'], 2],
    ];
    for (const [tool, args, cli, code] of cases) {
      const r = await s.call(tool, args);
      expect(r.isError, `${tool} ${JSON.stringify(args)}`).toBe(true);
      expect(r.structuredContent).toBeUndefined();
      expect(textOf(r)).toBe(await cliMessage(copy.file, cli, code));
      await stillServing();
    }
    expect(readFileSync(copy.file, 'utf8')).toBe(seedText);
  });

  it('arguments of the wrong type or missing are tool errors too', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['show_task', { id: true }, /Input validation error: .*show_task.*id/],
      ['show_task', {}, /Input validation error: .*show_task.*id/],
      ['set_status', { id: '1.2', status: true }, /Input validation error: .*set_status.*status/],
      ['set_status', { id: ['1.2'], status: 'done' }, /Input validation error: .*set_status.*id/],
      ['list_tasks', { line: 'abc' }, /Input validation error: .*list_tasks.*line/],
      ['list_tasks', { week: { n: 1 } }, /Input validation error: .*list_tasks.*week/],
      ['claim_task', {}, /Input validation error: .*claim_task.*owner/],
      ['claim_task', { owner: 'Opus', dry_run: 'yes' }, /Input validation error: .*claim_task.*dry_run/],
      ['add_task', { title: '' }, /Input validation error: .*add_task.*title/],
      ['edit_task', { id: '5' }, /^nothing to change; give --title, --owner, --notes, --due, --priority, --tag, --untag, --depends and\/or --estimate$/],
      ['drop_table', {}, /Tool drop_table not found/],
    ];
    for (const [tool, args, message] of cases) {
      const r = await s.call(tool, args);
      expect(r.isError, `${tool} ${JSON.stringify(args)}`).toBe(true);
      expect(textOf(r)).toMatch(message);
      await stillServing();
    }
    expect(readFileSync(copy.file, 'utf8')).toBe(seedText);
  });
});

describe('plan mcp: ids and filters in tool words', () => {
  const shared = ['# P', '', '## Sprint 1', '', '| ID | Task | Status |', '|---|---|---|', '| 1.3 | Alpha | Todo |', '| 1.30 | Beta | Todo |', ''];
  const twice = [
    '# P',
    '',
    '## Sprint 1',
    '',
    '| ID | Task | Status |',
    '|---|---|---|',
    '| 3 | Alpha | Todo |',
    '',
    '## Sprint 2',
    '',
    '| ID | Task | Status |',
    '|---|---|---|',
    '| 3 | Beta | Todo |',
    '',
  ];

  it('a number id is read as its decimal text, unless the plan has another spelling of that number', async () => {
    await withSession(writeTemp(seedText, 'progress_planning.md'), async (s, file) => {
      const r = await s.call('set_status', { id: 1.3, status: 'done', dry_run: true });
      expect(r.isError).toBeFalsy();
      expect(r.structuredContent).toMatchObject({ changed: true, written: false, task: { id: '1.3' } });
      const show = await s.call('show_task', { id: 1.2 });
      expect(show.structuredContent).toMatchObject({ task: { id: '1.2' } });
      expect(readFileSync(file, 'utf8')).toBe(seedText);
    });
    await withSession(writeTemp(shared.join('\n')), async (s) => {
      const r = await s.call('set_status', { id: 1.3, status: 'done' });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toBe('the id was sent as the number 1.3, which may be "1.3" or "1.30"; send the id as a string');
      const quoted = await s.call('show_task', { id: '1.30' });
      expect(quoted.structuredContent).toMatchObject({ task: { id: '1.30', title: 'Beta' } });
    });
  });

  it('an ambiguous id names tool arguments, not CLI flags; a filtered-out one says arguments too', async () => {
    await withSession(writeTemp(twice.join('\n')), async (s, file) => {
      const r = await s.call('set_status', { id: '3', status: 'done' });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toBe(
        `${file}: id "3" matches 2 tasks; pick one with a filter argument:\n  3 line 7: Alpha  (sprint: "1")\n  3 line 13: Beta  (sprint: "2")`,
      );
      expect(await cliMessage(file, ['set', '3', 'done'])).toBe(
        `${file}: id "3" matches 2 tasks; pick one with a filter flag:\n  3 line 7: Alpha  (--sprint 1)\n  3 line 13: Beta  (--sprint 2)`,
      );
      const out = await s.call('show_task', { id: '3', sprint: '9' });
      expect(textOf(out)).toBe(`${file}: task "3" exists but not with the filters given; drop or change the filter arguments`);
      await expect(s.client.readResource({ uri: 'plan://task/3' })).rejects.toThrow(/filter argument/);
    });
  });

  it('list_tasks and ready_tasks with a limit say how many they show', async () => {
    await withSession(writeTemp(seedText, 'progress_planning.md'), async (s, file) => {
      const r = await s.call('list_tasks', { limit: 2 });
      expect(textOf(r).split('\n')[0]).toBe(`24 of 24 tasks in ${file}; the first 2 shown (limit)`);
      expect((r.structuredContent as { tasks: unknown[] }).tasks).toHaveLength(2);
      const all = await s.call('list_tasks', { week: '1' });
      expect(textOf(all).split('\n')[0]).toBe(`3 of 24 tasks in ${file}`);
      const ready = await s.call('ready_tasks', { limit: 1 });
      expect(textOf(ready).split('\n')[0]).toMatch(/^\d+ ready, \d+ waiting on dependencies, in .*; the first 1 shown \(limit\)$/);
    });
  });

  it('reading an unknown task resource is -32002 (resource not found), not an internal error', async () => {
    await withSession(writeTemp(seedText, 'progress_planning.md'), async (s) => {
      await expect(s.client.readResource({ uri: 'plan://task/9.9' })).rejects.toMatchObject({
        code: -32002,
        message: expect.stringMatching(/no task with id "9\.9"/),
      });
    });
  });
});

describe('plan mcp: refused writes', () => {
  it('read_only: set_status, claim_task, add_task and edit_task are refused with the CLI message', async () => {
    const ro = writeTemp(seedText.replace('read_only: false', 'read_only: true'), 'progress_planning.md');
    const before = readFileSync(ro.file);
    await withSession(ro, async (s) => {
      try {
        const set = await s.call('set_status', { id: '1.2', status: 'done' });
        expect(set.isError).toBe(true);
        // The CLI's message, but for the way out: the tools have no force.
        const refusal = `${ro.file}: the plan is read-only (read_only: true in its front matter); nothing was written`;
        expect(await cliMessage(ro.file, ['set', '1.2', 'done'])).toBe(`${refusal} (pass --force to write anyway)`);
        expect(textOf(set)).toBe(`${refusal} (only its owner can lift read_only)`);
        for (const [tool, args] of [
          ['claim_task', { owner: 'Opus' }],
          ['add_task', { title: 'More', week: '1' }],
          ['edit_task', { id: '5', owner: 'Sonnet' }],
        ] as const) {
          const r = await s.call(tool, args);
          expect(r.isError, tool).toBe(true);
          expect(textOf(r)).toBe(textOf(set));
        }
        expect(readFileSync(ro.file).equals(before)).toBe(true);
        // Still serving, and reads work.
        const list = await s.call('list_tasks', { week: '1' });
        expect(list.isError).toBeFalsy();
        expect((list.structuredContent as { tasks: unknown[] }).tasks).toHaveLength(3);
        // A dry run is allowed: it writes nothing.
        const dry = await s.call('set_status', { id: '1.2', status: 'done', dry_run: true });
        expect(dry.isError).toBeFalsy();
        expect(dry.structuredContent).toMatchObject({ changed: true, written: false });
        expect(readFileSync(ro.file).equals(before)).toBe(true);
      } finally {
        ro.cleanup();
      }
    });
  });

  it('chars_limit: a write that makes the body too long is refused with the CLI message', async () => {
    const tight = writeTemp(seedText.replace('chars_limit: 3000', 'chars_limit: 2488'), 'progress_planning.md');
    const before = readFileSync(tight.file);
    await withSession(tight, async (s) => {
      try {
        const r = await s.call('add_task', { title: 'One task too many', week: '1' });
        expect(r.isError).toBe(true);
        const cli = await cliMessage(tight.file, ['add', 'One task too many', '--week', '1']);
        expect(cli).toMatch(/over its chars_limit of 2488; nothing was written \(shorten the plan, raise chars_limit, or pass --force\)$/);
        expect(textOf(r)).toBe(cli.replace('(shorten the plan, raise chars_limit, or pass --force)', '(shorten the plan or raise chars_limit)'));
        expect(readFileSync(tight.file).equals(before)).toBe(true);
        // A write that does not lengthen the body still goes through.
        const ok = await s.call('set_status', { id: '1.3', status: 'done' });
        expect(ok.isError).toBeFalsy();
        expect(ok.structuredContent).toMatchObject({ written: true });
      } finally {
        tight.cleanup();
      }
    });
  });
});
