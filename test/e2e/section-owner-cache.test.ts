// A row's owner may be its section's (`## Sprint 1 (Owner: bob)` over a table with no Owner column). After plan's
// own write the cached model must still say so, as a fresh read does: a second claim by the same owner resumes the
// task it took, and `list` from the cache names its owner. In real processes: each reads the cache its last wrote.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planAsync, tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const PLAN = '# P\n\n## Sprint 1 (Owner: bob)\n\n| Task | Status |\n|---|---|\n| Login | todo |\n| Signup | todo |\n';

describe('a section owner after a write, read from the cache', () => {
  it('stays the row’s owner: list names it, a second claim resumes the same task', async () => {
    const path = join(tmp.dir, 'plan.md');
    writeFileSync(path, PLAN);
    const env = { PLAN_CACHE_DIR: join(tmp.dir, 'cache') };
    expect((await planAsync(['-f', path, 'list'], { env })).code).toBe(0);
    const first = await planAsync(['-f', path, '--json', 'next', '--claim', '--owner', 'bob'], { env });
    expect(JSON.parse(first.stdout)).toMatchObject({ task: { title: 'Login', owner: 'bob' }, claimed: true });
    const listed = JSON.parse((await planAsync(['-f', path, '--json', 'list'], { env })).stdout) as { tasks: { title: string; owner: string }[] };
    expect(listed.tasks.map((t) => [t.title, t.owner])).toEqual([
      ['Login', 'bob'],
      ['Signup', 'bob'],
    ]);
    const again = await planAsync(['-f', path, '--json', 'next', '--claim', '--owner', 'bob'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ task: { title: 'Login' } });
  });
});
