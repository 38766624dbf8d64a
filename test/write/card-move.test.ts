// `set` on a card of a board whose columns are its lanes (`| To do | Doing | Done |`): the card's text moves to the new
// status's column on its row, and back; exactly those bytes change. Where that cell holds another card, or no column
// is for the status, or a claim would write an owner, `set` refuses on one line and exits 1, the file untouched.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/cli.js';
import { planFiles } from '../helpers/read-plan.js';

const { planFile } = planFiles();

const PLAN = [
  '# Board',
  '',
  '| To do | Doing | Done |',
  '|---|---|---|',
  '| Write the spec | | |',
  '| | Draw the screens | Set up the repo |',
  '',
  '| Todo             | Doing            | Done |',
  '|------------------|------------------|------|',
  '| Paint the fence  |                  |      |',
  '',
].join('\n');

async function set(path: string, ...args: string[]): Promise<{ code: number; stderr: string }> {
  return runCli(['-f', path, 'set', ...args]);
}

describe('set on a card of a board’s lanes', () => {
  it('moves the text to the new lane on its row, and back to the bytes it had', async () => {
    const path = planFile(PLAN);
    expect((await set(path, 'Write the spec', 'done')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('| Write the spec | | |', '| | | Write the spec |'));
    expect((await set(path, 'Paint the fence', 'in-progress')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('|                  | Paint the fence  |      |');
    const r = await runCli(['-f', path, '--json', 'list']);
    const tasks = (JSON.parse(r.stdout) as { tasks: { title: string; status: string }[] }).tasks;
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Write the spec', 'done'],
      ['Draw the screens', 'in-progress'],
      ['Set up the repo', 'done'],
      ['Paint the fence', 'in-progress'],
    ]);
    expect((await set(path, 'Write the spec', 'pending')).code).toBe(0);
    expect((await set(path, 'Paint the fence', 'pending')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });

  it('refuses where the new lane’s cell holds another card, or no lane is for the status, or an owner is claimed', async () => {
    const path = planFile(PLAN);
    for (const [args, says] of [
      [['Draw the screens', 'done'], 'the Done cell of its row holds another card'],
      [['Draw the screens', 'blocked'], 'no column is for blocked: it can write To do (pending), Doing (in-progress), Done (done)'],
      [['next', '--claim', '--owner', 'ana'], 'only the card moves'],
    ] as const) {
      const r = args[0] === 'next' ? await runCli(['-f', path, ...args]) : await set(path, ...args);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(says);
    }
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });
});
