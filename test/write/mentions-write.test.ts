// `plan set` on a task written in several places (a milestone's summary bullet,
// an overview row, its own section: Task.mentions) writes every place that shows
// a status, each in its own style, in one write that one `plan undo` takes back;
// `plan check` says where the places disagree.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok, replaceAll, withCliCopy } from '../e2e/write-helpers.js';

const ROADMAP = `# Roadmap

## Milestone v2

- [x] Phase 15: Auth
- [ ] Phase 16: Sync

## Phases

- Phase 16 — Sync: the server and the app agree

## Overview

| Phase | Name | Status |
|-------|------|--------|
| 15 | Auth | ✅ Done |
| 16 | Sync | 🔄 In Progress |

## Phase 15: Auth

**Status:** Done

- [x] 15.1 Login

## Phase 16: Sync

**Status:** In progress

- [x] 16.1 Pull
- [ ] 16.2 Push
`;

const dir = mkdtempSync(join(tmpdir(), 'plan-mentions-'));
const SRC = join(dir, 'roadmap.md');
writeFileSync(SRC, ROADMAP);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('set on a task written in several places', () => {
  it(
    'writes every place that shows a status, in its own style, and one undo restores the bytes',
    withCliCopy(SRC, 'ROADMAP.md', async (w) => {
      const r = ok(await w.run(['set', '16', 'done', '--no-touch']));
      expect(r.stdout).toBe('id\tchange\tfile\tline\n16\tin-progress → done\tROADMAP.md\t25\n');
      expect(w.text()).toBe(
        replaceAll(ROADMAP, [
          ['- [ ] Phase 16: Sync', '- [x] Phase 16: Sync'],
          ['| 16 | Sync | 🔄 In Progress |', '| 16 | Sync | ✅ Done |'],
          ['**Status:** In progress', '**Status:** Done'],
        ]),
      );
      ok(await w.run(['undo']));
      expect(w.text()).toBe(ROADMAP);
      expect((await w.run(['undo'])).code).toBe(1); // one write, one journal entry
    }),
  );

  it(
    'writes the places that disagree even when the task already has the status',
    withCliCopy(SRC, 'ROADMAP.md', async (w) => {
      ok(await w.run(['set', '16', 'in-progress', '--no-touch']));
      expect(w.text()).toBe(replaceAll(ROADMAP, [['- [ ] Phase 16: Sync', '- [ ] 🔄 Phase 16: Sync']]));
    }),
  );

  it(
    'check reports a place whose status disagrees with the task, and nothing once set writes them all',
    withCliCopy(SRC, 'ROADMAP.md', async (w) => {
      const r = await w.run(['check', '--json']);
      const problems = JSON.parse(r.stdout).problems.filter((p: { code: string }) => p.code === 'status-disagrees');
      expect(problems.map((p: { line: number; message: string }) => [p.line, p.message])).toEqual([
        [6, 'task 16 is written as pending here but as in progress on line 25; `plan set 16 <status>` writes every place'],
      ]);
      ok(await w.run(['set', '16', 'done', '--no-touch']));
      const after = JSON.parse((await w.run(['check', '--json'])).stdout).problems;
      expect(after.filter((p: { code: string }) => p.code === 'status-disagrees')).toEqual([]);
    }),
  );

  it(
    'lists the task once, with its other places in --json',
    withCliCopy(SRC, 'ROADMAP.md', async (w) => {
      const tasks = JSON.parse(ok(await w.run(['list', '--json'])).stdout).tasks as { id: string; line: number; places: unknown[] }[];
      expect(tasks.filter((t) => t.id === '16').map((t) => [t.line, t.places])).toEqual([
        [
          25,
          [
            { line: 6, status: 'pending', title: 'Sync', owner: null, group: 'Milestone v2' },
            { line: 17, status: 'in-progress', title: 'Sync', owner: null, group: 'Overview' },
          ],
        ],
      ]);
    }),
  );
});
