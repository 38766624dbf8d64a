// Writes around a heading task whose status its checklist gives (Task.statusFrom): `set` on a box writes that
// box alone and the heading's status follows it; `set` on the heading is refused, naming its boxes; `undo` gives
// back the bytes. In process, exact bytes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/cli.js';
import { planFiles } from '../helpers/read-plan.js';

const { planFile } = planFiles();

interface Listed {
  id: string;
  title: string;
  status: string;
  statusFrom: string | null;
  line: number;
}

async function list(path: string): Promise<Listed[]> {
  const r = await runCli(['-f', path, '--json', 'list']);
  return (JSON.parse(r.stdout) as { tasks: Listed[] }).tasks;
}

/** The one range of bytes that differs between `a` and `b` (start, and end in each). */
function changedRange(a: string, b: string): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) [endA, endB] = [endA - 1, endB - 1];
  return { start, endA, endB };
}

const PLAN = [
  '# Workshop',
  '',
  '## Stage 1',
  '',
  '### JOB-1: Fit the bench',
  '- **Ref**: B-1',
  '- **Checks**:',
  '  - [x] Cut the top',
  '  - [ ] Fix the legs',
  '',
  '### JOB-2: Hang the tools',
  '- [ ] Board on the wall',
  '',
].join('\n');

describe('a box under a heading whose status is its checklist', () => {
  it('is written alone (one byte range), and the heading reads the status the boxes now give', async () => {
    const path = planFile(PLAN);
    const legs = (await list(path)).find((t) => t.title === 'Fix the legs')!;
    const r = await runCli(['-f', path, 'set', legs.id, 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const after = readFileSync(path, 'utf8');
    const range = changedRange(PLAN, after);
    const box = PLAN.indexOf('[ ] Fix the legs') + 1;
    expect(range).toEqual({ start: box, endA: box + 1, endB: box + 1 });
    const bench = (await list(path)).find((t) => t.id === 'JOB-1')!;
    expect([bench.status, bench.statusFrom]).toEqual(['done', 'checklist']);
  });

  it('is given back, byte for byte, by undo', async () => {
    const path = planFile(PLAN);
    const top = (await list(path)).find((t) => t.title === 'Cut the top')!;
    expect((await runCli(['-f', path, 'set', top.id, 'pending'])).code).toBe(0);
    expect((await list(path)).find((t) => t.id === 'JOB-1')!.status).toBe('pending');
    expect((await runCli(['-f', path, 'undo'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });
});

describe('set on a heading whose status is its checklist', () => {
  it.each(['done', 'pending', 'blocked', 'cancelled'])('%s is refused, naming the checklist, and nothing is written', async (to) => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'JOB-1', to]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      `plan: ${path}:5: task JOB-1 takes its status from the checklist under it (1 of 2 ticked, lines 8–9); nothing was written (set its boxes)\n`,
    );
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });

  it('is refused with an owner too (nothing written, no owner reported)', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, '--json', 'set', 'JOB-1', 'done', '--owner', 'bob']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });

  it('is a no-op, exit 0, when the heading already has that status', async () => {
    const path = planFile(PLAN.replace('[ ] Fix the legs', '[x] Fix the legs'));
    const r = await runCli(['-f', path, 'set', 'JOB-1', 'done']);
    expect(r.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('[ ] Fix the legs', '[x] Fix the legs'));
  });
});

describe('a write under a heading whose status is its checklist', () => {
  it('may add an open box with a field, the heading going from done to in progress', async () => {
    const path = planFile(PLAN.replace('[ ] Fix the legs', '[x] Fix the legs'));
    const r = await runCli(['-f', path, 'add', 'Oil the top', '--section', 'JOB-1', '--due', '2030-01-10']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const bench = (await list(path)).find((t) => t.id === 'JOB-1')!;
    expect([bench.status, bench.statusFrom]).toEqual(['in-progress', 'checklist']);
  });
});
