// Statuses on unseen files (issue 20): a status written in a cell past the
// header's last column. Each rule here failed before the reader learnt it.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import { tempDir, writeTemp } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

async function tasksOf(markdown: string) {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, markdown);
  const { plan } = await loadPlan(path, false, false);
  return plan.tasks.map((t) => [t.id, t.title, t.status]);
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

/** Runs `plan -f plan.md …args` on a copy of `text`; returns the result and the bytes after. */
async function write(text: string, args: string[]) {
  const t = writeTemp(text);
  try {
    const r = await runCli(['-f', 'plan.md', ...args], { cwd: t.dir });
    return { ...r, after: readFileSync(t.file, 'utf8') };
  } finally {
    t.cleanup();
  }
}

describe('a status cell past the header', () => {
  const table = doc(
    '# Garden',
    '',
    '## Stage 1',
    '',
    '| ID | Task | Needs |',
    '|----|------|-------|',
    '| 1.1 | Clear the beds | - | done |',
    '| 1.2 | Lay the path | 1.1 | doing |',
    '| 1.3 | Plant the hedge | 1.2 | todo |',
  );

  it('gives the rows the status it says', async () => {
    expect(await tasksOf(table)).toEqual([
      ['1.1', 'Clear the beds', 'done'],
      ['1.2', 'Lay the path', 'in-progress'],
      ['1.3', 'Plant the hedge', 'pending'],
    ]);
  });

  it('is not a status when the extra cells say more than a status word', async () => {
    const notes = table.replace('| done |', '| done, but the soil is poor |').replace('| doing |', '| see the notes below |');
    const tasks = await tasksOf(notes);
    expect(tasks.map((t) => t[2])).not.toContain('in-progress');
  });

  it('set writes the status into that cell and changes nothing else', async () => {
    const r = await write(table, ['set', '1.3', 'done', '--no-touch']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.after).toBe(table.replace('| 1.3 | Plant the hedge | 1.2 | todo |', '| 1.3 | Plant the hedge | 1.2 | done |'));
  });
});
