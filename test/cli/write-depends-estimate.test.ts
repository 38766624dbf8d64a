// plan add / plan edit --depends and --estimate: written in the table's
// Depends and Estimate cells, in the column's own separator; every write
// changes one line, the rest of the file byte for byte as it was.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 2, 12, 12) / 1000) };

const TABLE = [
  '# Plan',
  '',
  '| ID | Task | Status | Priority | Depends On | Estimate |',
  '|----|------|--------|----------|------------|----------|',
  '| 1.1 | Schema | done | High | | 2d |',
  '| 1.2 | API | pending | Medium | 1.1 | 3d |',
  '| 1.3 | UI | pending | Low | 1.1,1.2 | |',
  '',
].join('\n');

function fresh(name: string, text = TABLE): string {
  const f = join(tmp.dir, name);
  writeFileSync(f, text);
  return f;
}

describe('plan add --depends --estimate', () => {
  it('fills the Depends and Estimate cells, the ids separated as the column does', async () => {
    const f = fresh('add.md');
    const r = await runCli(['-f', f, 'add', 'Docs', '--depends', '1.2, 1.3', '--estimate', '5 pts', '--priority', 'high', '--no-touch'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe(TABLE.replace('| 1.1,1.2 | |\n', '| 1.1,1.2 | |\n| 1.4 | Docs | pending | High | 1.2,1.3 | 5 pts |\n'));
    const show = JSON.parse((await runCli(['-f', f, 'show', '1.4', '--json'])).stdout);
    expect([show.task?.dependsOn ?? show.dependsOn, show.task?.estimate ?? show.estimate]).toEqual([['1.2', '1.3'], { value: 5, unit: 'points' }]);
  });

  it('refuses an id no task has, and writes nothing', async () => {
    const f = fresh('add-bad.md');
    const r = await runCli(['-f', f, 'add', 'Docs', '--depends', '9.9'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`plan: ${f}: --depends names "9.9", and no task has that id; check with \`plan list\`; nothing was written\n`);
    expect(readFileSync(f, 'utf8')).toBe(TABLE);
  });

  it('refuses an estimate it cannot read (usage, exit 2)', async () => {
    const f = fresh('add-est.md');
    const r = await runCli(['-f', f, 'add', 'Docs', '--estimate', 'a while'], { env });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^plan: --estimate takes a number/);
    expect(readFileSync(f, 'utf8')).toBe(TABLE);
  });
});

describe('plan edit --depends --estimate', () => {
  it('sets, changes and removes them; a round trip is byte-identical', async () => {
    const f = fresh('edit.md');
    const set = await runCli(['-f', f, 'edit', '1.2', '--depends', '1.1,1.3', '--estimate', '4h', '--no-touch'], { env });
    expect([set.code, set.stderr]).toEqual([0, '']);
    expect(readFileSync(f, 'utf8')).toBe(TABLE.replace('| 1.2 | API | pending | Medium | 1.1 | 3d |', '| 1.2 | API | pending | Medium | 1.1,1.3 | 4h |'));
    const back = await runCli(['-f', f, 'edit', '1.2', '--depends', '1.1', '--estimate', '3d', '--no-touch'], { env });
    expect([back.code, back.stderr]).toEqual([0, '']);
    expect(readFileSync(f, 'utf8')).toBe(TABLE);
    const gone = await runCli(['-f', f, 'edit', '1.3', '--depends', '', '--no-touch'], { env });
    expect([gone.code, gone.stderr]).toEqual([0, '']);
    expect(readFileSync(f, 'utf8')).toBe(TABLE.replace('| 1.3 | UI | pending | Low | 1.1,1.2 | |', '| 1.3 | UI | pending | Low |  | |')); // the cell's padding stays, as for every emptied cell
  });

  it('refuses a task depending on itself', async () => {
    const f = fresh('self.md');
    const r = await runCli(['-f', f, 'edit', '1.2', '--depends', '1.2'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`plan: ${f}:6: task 1.2 cannot depend on itself; nothing was written\n`);
    expect(readFileSync(f, 'utf8')).toBe(TABLE);
  });

  it('a table without the column: one line naming it; a list item: refused', async () => {
    const f = fresh('nocol.md', '| ID | Task | Status |\n|----|------|--------|\n| 1 | A | pending |\n| 2 | B | pending |\n');
    const r = await runCli(['-f', f, 'edit', '2', '--estimate', '2d'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`plan: ${f}:4: task 2's table has no Estimate column; add one, or leave out --estimate; nothing was written\n`);
    const g = fresh('items.md', '- [ ] 1. A\n- [ ] 2. B\n');
    const i = await runCli(['-f', g, 'edit', '2', '--depends', '1'], { env });
    expect(i.code).toBe(1);
    expect(i.stderr).toMatch(/--depends writes a table's Depends cell, and this task is a list item/);
    expect(readFileSync(g, 'utf8')).toBe('- [ ] 1. A\n- [ ] 2. B\n');
  });
});
