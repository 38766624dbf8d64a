// End-to-end: the built `plan` binary on a copy of the seed.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { copyToTemp, SEED } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';

const copy = copyToTemp(SEED, 'progress_planning.md');
afterAll(() => copy.cleanup());
const seedBytes = readFileSync(SEED);

async function json(args: string[]) {
  const r = await cli(['-f', copy.file, ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('plan on the seed', () => {
  it('lists all items in file order', async () => {
    const out = await json(['list']);
    expect(out.schemaVersion).toBe(3);
    expect(out.tasks.map((t: { id: string }) => t.id).join(' ')).toBe('1.1 1.2 1.3 W2 W3 W4-5 W6 2 3 4 5 6 7 8 9 10 11 12 13 14 5.A 5.B 5.C 5.D');
  });

  it('list --week 1 gives 1.1 done, 1.2 in progress (🔄 Next), 1.3 pending', async () => {
    const tasks = (await json(['list', '--week', '1'])).tasks;
    expect(tasks.map((t: { id: string; status: string; statusText: string }) => [t.id, t.status, t.statusText])).toEqual([
      ['1.1', 'done', '✅ Complete'],
      ['1.2', 'in-progress', '🔄 Next'],
      ['1.3', 'pending', '⏳ Pending'],
    ]);
  });

  it('gives every task all documented keys', async () => {
    const keys = ['id', 'kind', 'title', 'status', 'statusText', 'owner', 'notes', 'sprint', 'week', 'month', 'phase', 'section', 'line'];
    for (const t of (await json(['list'])).tasks) for (const k of keys) expect(t).toHaveProperty(k);
  });

  it('reads the week table as week items with their own weeks', async () => {
    const tasks = (await json(['list', '--week', '4'])).tasks;
    expect(tasks.map((t: { id: string }) => t.id)).toEqual(['W4-5']);
    expect(tasks[0]).toMatchObject({ kind: 'week', title: 'A2A Protocol', status: 'pending', week: '4-5', sprint: '8' });
  });

  it('repairs damaged text for display and keeps notes in the status column', async () => {
    const t2 = (await json(['show', '2'])).task;
    expect(t2.title).toBe('Cognitive enhancements CE-001–CE-006');
    expect(t2).toMatchObject({ status: 'none', statusText: 'From benchmark analysis', owner: 'Any Agent', sprint: '8' });
    expect((await json(['show', '9'])).task.owner).toBe('Opus');
    expect((await json(['show', '5'])).task).toMatchObject({ status: 'none', week: '2', statusText: './scripts/run-benchmark.sh --integrate -m gemini-3-pro' });
  });

  it('reads id items from bullet lists', async () => {
    const t = (await json(['show', '5.A'])).task;
    expect(t).toMatchObject({ title: 'Baseline Collection', notes: 'Terminal session, clean system', phase: '5', status: 'none', line: 75 });
    expect(t.section).toBe('Planning & Next Steps > Phase 5 Planning > Execution Schedule');
  });

  it('next gives 1.2 with a reason', async () => {
    const out = await json(['next']);
    expect(out.task.id).toBe('1.2');
    expect(out.reason).toMatch(/in progress/);
  });

  it('next --owner Opus shows what a claim by Opus would take: pending work, never a week row', async () => {
    const out = await json(['next', '--owner', 'Opus']);
    expect(out.task.id).toBe('1.3');
    expect(out.reason).toMatch(/pending/);
    expect((await json(['next', '--owner', 'Opus', '--week', '2'])).task).toMatchObject({ id: '5', kind: 'task' });
    expect((await json(['next', '--week', '2'])).task).toMatchObject({ id: '5', kind: 'task' });
  });

  it('prints tab-separated text with a header when piped', async () => {
    const r = await cli(['-f', copy.file, 'list', '--week', '1']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id\tkind\tstatus\ttitle\towner\tnotes\tsprint\tweek\tmonth\tphase\tline\tdue\tpriority');
    expect(lines[1]!.split('\t').slice(0, 4)).toEqual(['1.1', 'task', 'done', 'VM Service Startup']);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('never writes the file it reads', async () => {
    await cli(['-f', copy.file, 'list']);
    await cli(['-f', copy.file, 'next']);
    expect(readFileSync(copy.file).equals(seedBytes)).toBe(true);
  });
});
