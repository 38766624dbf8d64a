// A table whose one state column is for done (`| Task | Description | Completed | Date |`, the implementation-plan
// template many repositories keep): a tick there (`✅`, `Yes`, `x`) reads done, a blank cell pending, however few rows
// are ticked so far. `set done` writes the tick (the row's own from the status memory, else the file's), `set
// pending` takes it out, and any other status is refused on one line, exit 1, the file untouched.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function planFile(text: string): string {
  const path = join(tmp.dir, `done-column-${n++}.md`);
  writeFileSync(path, text);
  return path;
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');
const PLAN = doc(
  '# Implementation plan',
  '',
  '### Implementation Phase 1',
  '',
  '| Task | Description | Completed | Date |',
  '|------|-------------|-----------|------|',
  '| TASK-001 | Harden the login | ✅ | 2025-04-25 |',
  '| TASK-002 | Drop public sign-up | |  |',
  '',
  '### Implementation Phase 2',
  '',
  '| Task | Description | Completed | Date |',
  '|------|-------------|-----------|------|',
  '| TASK-003 | Wire the webhook | |  |',
);

async function tasks(path: string): Promise<{ id: string; title: string; status: string }[]> {
  const r = await runCli(['-f', path, '--json', 'list']);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return (JSON.parse(r.stdout) as { tasks: { id: string; title: string; status: string }[] }).tasks.map(({ id, title, status }) => ({ id, title, status }));
}

describe('a table with one column for done', () => {
  it('reads a ticked row done and a blank one pending, the id and the title from the other columns', async () => {
    expect(await tasks(planFile(PLAN))).toEqual([
      { id: 'TASK-001', title: 'Harden the login', status: 'done' },
      { id: 'TASK-002', title: 'Drop public sign-up', status: 'pending' },
      { id: 'TASK-003', title: 'Wire the webhook', status: 'pending' },
    ]);
  });

  it('reads `Yes` and `x` as ticks, and a table with no tick yet as work not done', async () => {
    const path = planFile(
      doc('| Step | Done |', '|---|---|', '| Build the form | Yes |', '| Wire it | x |', '', '## Next', '', '| Step | Done |', '|---|---|', '| Ship it | |'),
    );
    expect((await tasks(path)).map((t) => t.status)).toEqual(['done', 'done', 'pending']);
  });

  it('is no such column when a cell holds words: the column states each status (`🔄`, `❌`)', async () => {
    const path = planFile(doc('| Task | Done |', '|---|---|', '| Build | ✅ |', '| Wire | 🔄 |'));
    expect((await tasks(path)).map((t) => t.status)).toEqual(['done', 'in-progress']);
  });

  it('set done writes the file’s tick, set pending takes it out: set and set back give the bytes back', async () => {
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'set', 'TASK-002', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('| TASK-002 | Drop public sign-up | |', '| TASK-002 | Drop public sign-up | ✅ |'));
    expect((await runCli(['-f', path, 'set', 'TASK-002', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });

  it('set pending and back done restores the row’s own tick from the memory, where no other row shows it', async () => {
    const text = doc('| Step | Done |', '|------|------|', '| Build | ✓    |', '| Wire  |      |');
    const path = planFile(text);
    expect((await runCli(['-f', path, 'set', 'Build', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('| Build | ✓    |', '| Build |      |'));
    expect((await runCli(['-f', path, 'set', 'Build', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses a status it has no place for, on one line, exit 1, the file untouched', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'TASK-002', 'blocked']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Completed column, which says done or not yet: it can be set done or pending/);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });

  it('gives a blank cell its own spaces back: set done then pending, cells of two spaces and of a tab', async () => {
    const text = doc('| Step | Done |', '|---|---|', '| Build |  |', '| Wire |\t|', '| Ship | ✅ |');
    const path = planFile(text);
    for (const [task, to] of [
      ['Build', 'done'],
      ['Wire', 'done'],
      ['Build', 'pending'],
      ['Wire', 'pending'],
    ])
      expect((await runCli(['-f', path, 'set', task!, to!])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses to set pending a tick that carries a note (the column has no place for it), the file untouched', async () => {
    const text = doc('| Step | Done |', '|---|---|', '| Build | ✅ (Ana, 2 May) |');
    const path = planFile(text);
    const r = await runCli(['-f', path, 'set', 'Build', 'pending']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tick carries a note, "\(Ana, 2 May\)", which setting it pending would lose; nothing was written/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('add writes the tick for --status done, a blank cell for pending, and refuses a status it has no place for', async () => {
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'add', 'Ship it', '--status', 'done', '--section', 'Implementation Phase 2'])).code).toBe(0);
    expect((await runCli(['-f', path, 'add', 'Test it', '--section', 'Implementation Phase 2'])).code).toBe(0);
    const r = await runCli(['-f', path, 'add', 'Block it', '--status', 'blocked', '--section', 'Implementation Phase 2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no column is for blocked: a new row can be done or pending/);
    expect(readFileSync(path, 'utf8')).toBe(`${PLAN}| TASK-004 | Ship it | ✅ |  |\n| TASK-005 | Test it |  |  |\n`);
    expect((await tasks(path)).slice(3).map((t) => t.status)).toEqual(['done', 'pending']);
  });

  it('is passed over by next --claim (it cannot say in progress): the claim takes other work, else exits 3', async () => {
    const path = planFile(`${PLAN}\n## Work\n\n- [ ] T-9 Write the docs\n`);
    const r = await runCli(['-f', path, 'next', '--claim', '--owner', 'ana', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ task: { id: 'T-9', status: 'in-progress', owner: 'ana' }, claimed: true });
    const only = planFile(PLAN);
    const none = await runCli(['-f', only, 'next', '--claim', '--owner', 'ana']);
    expect(none.code).toBe(3);
    expect(readFileSync(only, 'utf8')).toBe(PLAN);
  });

  it('takes a cell that only shows nothing (`&nbsp;`) for no tick: set done and add --status done write one', async () => {
    const text = doc('| Task | Done |', '|---|---|', '| Login | |', '| Signup | &nbsp; |');
    const path = planFile(text);
    expect((await runCli(['-f', path, 'set', 'Login', 'done'])).code).toBe(0);
    expect((await runCli(['-f', path, 'add', 'Docs', '--status', 'done'])).code).toBe(0);
    expect((await tasks(path)).map((t) => [t.title, t.status])).toEqual([
      ['Login', 'done'],
      ['Signup', 'pending'],
      ['Docs', 'done'],
    ]);
  });

  it('next --claim passes over a row cut short of the in-progress or Owner cell', async () => {
    const text = doc('| Task | Owner | Todo | Doing | Done |', '|---|---|---|---|---|', '| Login | | X |', '| Signup | | X | | |');
    const path = planFile(text);
    const r = await runCli(['-f', path, 'next', '--claim', '--owner', 'ana', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ task: { title: 'Signup', status: 'in-progress', owner: 'ana' } });
  });
});
