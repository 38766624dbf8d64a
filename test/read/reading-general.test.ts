// Reading rules that hold of planning files in general, each found in real files
// outside the corpus the reader was built on (issue 20): one synthetic plan per rule.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

async function readTasks(markdown: string) {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, markdown);
  return (await loadPlan(path, false, false)).plan.tasks;
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('tables', () => {
  it('reads a first column written only where a merged cell starts as shared by the rows below, not as their title', async () => {
    const tasks = await readTasks(
      doc(
        '# Build',
        '',
        '## Phase 1',
        '',
        '| Module | Task | Priority | Status |',
        '|---|---|---|---|',
        '| **Site** | Clear the plot | P0 | ✅ |',
        '| | Fence the edge | P1 | ✅ |',
        '| | Level the ground | P1 | ⬜ |',
        '| **Shell** | Pour the slab | P0 | ⬜ |',
        '| | Raise the walls | P0 | ⬜ |',
      ),
    );
    expect(tasks.map((t) => [t.title, t.status, t.group])).toEqual([
      ['Clear the plot', 'done', 'Phase 1'],
      ['Fence the edge', 'done', 'Phase 1'],
      ['Level the ground', 'pending', 'Phase 1'],
      ['Pour the slab', 'pending', 'Phase 1'],
      ['Raise the walls', 'pending', 'Phase 1'],
    ]);
  });
});

describe('a title column no header names', () => {
  it('is not a column of single words that repeat (a kind), when a later column holds phrases', async () => {
    const tasks = await readTasks(
      doc(
        '# Board',
        '',
        '| id | lane | scope | status |',
        '|---|---|---|---|',
        '| T-1 | site | Clear the plot | done |',
        '| T-2 | site | Fence the edge | todo |',
        '| T-3 | shell | Pour the slab | todo |',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title, t.status])).toEqual([
      ['T-1', 'Clear the plot', 'done'],
      ['T-2', 'Fence the edge', 'pending'],
      ['T-3', 'Pour the slab', 'pending'],
    ]);
  });
});

describe('checklist items', () => {
  it('reads a bold label closed by a colon and the words after it as one title, but not a lead-in or a plain bullet', async () => {
    const tasks = await readTasks(
      doc(
        '# Release',
        '',
        '- [ ] **Search speed**: under 2 s on 100k files',
        '- [x] **Accounts:** sign-up, sign-in, password reset.',
        '- [x] **Exports**: CSV and JSON',
        '- [ ] **Write the admin guide:** a document that explains:',
        '  - [ ] Backups',
        '- **BUG-3**: Login times out',
      ),
    );
    expect(tasks.map((t) => [t.title, t.notes])).toEqual([
      ['Search speed: under 2 s on 100k files', null],
      ['Accounts: sign-up, sign-in, password reset.', null],
      ['Exports: CSV and JSON', null],
      ['Write the admin guide', 'a document that explains'],
      ['Backups', null],
      ['Login times out', null],
    ]);
  });
});

describe('titles', () => {
  it("leaves out a count of the work's parts done after the name", async () => {
    const tasks = await readTasks(
      doc(
        '# Roadmap',
        '',
        '- [x] **Phase 1: Database Layer** (2/2 plans)',
        '- [ ] API Routes (1/4)',
        '- [ ] Sync the mirrors (2 of 3)',
        '- [ ] Split files (a/b) (see #12 first)',
        '',
        '| # | Item | Status |',
        '|---|---|---|',
        '| 1 | [Polars integration (3/5 steps)](https://example.com/issues/429) | Open |',
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual([
      'Database Layer',
      'API Routes',
      'Sync the mirrors (2 of 3)',
      'Split files (a/b) (see #12 first)',
      'Polars integration',
    ]);
  });
});
