// References of tasks without an id of their own: unique within a file, and
// `plan edit --title` reports the reference the task has after it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { taskRef } from '../../src/read/ref.js';
import { editOp } from '../../src/actions/edit.js';
import { buildFromText } from '../../src/load/load.js';
import { planOf } from '../helpers/inproc.js';

describe('task references', () => {
  it('are unique within a file: the same words twice give two references, the first keeping its own', async () => {
    const plan = await planOf('# Todo\n\n- [ ] Buy milk\n- [ ] Walk dog\n- [ ] Buy milk\n- [x] buy  MILK\n');
    const ids = plan.tasks.map((t) => t.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe(taskRef(plan.tasks[0]!));
    expect(ids[1]).toBe(taskRef(plan.tasks[1]!));
  });

  it('are unique in any list of items and rows without ids', async () => {
    const title = fc.constantFrom('Buy milk', 'Walk dog', 'Ship it', 'ship it', 'Fix bug #1');
    const line = fc.oneof(
      title.map((t) => `- [ ] ${t}`),
      title.map((t) => `- [x] ${t}`),
      fc.constantFrom('## Week 1', '## Week 2', ''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
        const plan = await planOf(`${lines.join('\n')}\n`);
        const ids = plan.tasks.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 200 },
    );
  });

  it('after `edit --title`, is the one reported, and finds the task', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ref-'));
    const file = join(dir, 'plan.md');
    try {
      writeFileSync(file, '# Todo\n\n- [ ] Buy milk\n- [ ] Buy milk\n- [ ] Walk dog\n');
      const before = await planOf(readFileSync(file, 'utf8'));
      for (const [index, title] of [
        [2, 'Feed cat'],
        [0, 'Buy milk'], // the same words: the same reference
        [1, 'Walk dog'], // the words of another task: a reference of its own
      ] as const) {
        const old = (await planOf(readFileSync(file, 'utf8'))).tasks[index]!;
        const r = await editOp(file, old.id, { title }, {}, { touch: false });
        const now = await buildFromText(file, readFileSync(file, 'utf8'), false);
        const found = now.tasks.filter((t) => t.id === r.task.id);
        expect(found, `${old.id} → ${title}`).toHaveLength(1);
        expect(found[0]).toMatchObject({ title, line: old.line });
      }
      expect(before.tasks[0]!.id).toBe((await planOf(readFileSync(file, 'utf8'))).tasks[0]!.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
