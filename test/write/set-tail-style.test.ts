// `set` writes a status the way the file writes it, learnt from its items' boxes and marks; an item whose status
// its closing words say (`- [ ] Write the docs (partial)`) is no example of how a box says that status.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('set, where an item says its status in words after its title', () => {
  it('writes the started mark on a box, not a bare box that would read as to do', async () => {
    const path = join(tmp.dir, 'plan.md');
    const before = ['# Plan', '', '## Phase 1', '', '- [x] Set up the repo', '- [ ] Write the docs (partial)', ''].join('\n');
    writeFileSync(path, before);
    const list = await runCli(['-f', path, '--json', 'list']);
    const tasks = (JSON.parse(list.stdout) as { tasks: { id: string; title: string; status: string }[] }).tasks;
    expect(tasks.map((t) => t.status)).toEqual(['done', 'in-progress']);
    const r = await runCli(['-f', path, 'set', tasks[0]!.id, 'in-progress']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(before.replace('- [x] Set up the repo', '- [ ] 🔄 Set up the repo'));
  });
});
