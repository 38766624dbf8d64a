// End-to-end, in-process: `plan next` on a roadmap that writes each phase in a
// milestone's summary and again as its own section picks the work of the
// sections, never a summary bullet; `next --claim` on a task written twice
// marks both places.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok, replaceAll, withCliCopy } from '../e2e/write-helpers.js';

const ROADMAP = `# Roadmap

## Milestone v2

- [x] Phase 15: Auth
- [ ] Phase 16: Sync
- [ ] Phase 17: Export

## Phase 15: Auth

**Status:** Done

- [x] 15.1 Login

## Phase 16: Sync

**Status:** In progress

- [x] 16.1 Pull
- [ ] 16.2 Push

## Phase 17: Export

**Status:** Pending

- [ ] 17.1 CSV
`;

const TODO = `# Todo

## This week

- [ ] T-5 Write the docs

## Docs

- [ ] T-5 Write the docs
  - the reference
  - the man page
`;

const dir = mkdtempSync(join(tmpdir(), 'plan-next-mentions-'));
writeFileSync(join(dir, 'roadmap.md'), ROADMAP);
writeFileSync(join(dir, 'todo.md'), TODO);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('next on a plan that writes tasks in several places', () => {
  it(
    'picks a step of the phase in progress, not the summary bullet, and set names one task',
    withCliCopy(join(dir, 'roadmap.md'), 'ROADMAP.md', async (w) => {
      const next = JSON.parse(ok(await w.run(['next', '--json'])).stdout);
      expect(next.task).toMatchObject({ id: '16.2', line: 20 });
      const list = JSON.parse(ok(await w.run(['list', '--json'])).stdout).tasks as { id: string }[];
      expect(list.map((t) => t.id)).toEqual(['15', '15.1', '16', '16.1', '16.2', '17', '17.1']);
      ok(await w.run(['set', '16', 'wip', '--no-touch']));
      expect(w.text()).toBe(replaceAll(ROADMAP, [['- [ ] Phase 16: Sync', '- [ ] 🔄 Phase 16: Sync']]));
    }),
  );

  it(
    'claims a task written twice: both places in progress, the owner at the place with its detail',
    withCliCopy(join(dir, 'todo.md'), 'TODO.md', async (w) => {
      const r = JSON.parse(ok(await w.run(['next', '--claim', '--owner', 'ana', '--json', '--no-touch'])).stdout);
      expect(r.task).toMatchObject({ id: 'T-5', line: 9, status: 'in-progress', owner: 'ana' });
      expect(w.text()).toBe(
        replaceAll(TODO, [
          ['## This week\n\n- [ ] T-5 Write the docs', '## This week\n\n- [ ] 🔄 T-5 Write the docs'],
          ['## Docs\n\n- [ ] T-5 Write the docs', '## Docs\n\n- [ ] 🔄 T-5 Write the docs @ana'],
        ]),
      );
      ok(await w.run(['undo']));
      expect(w.text()).toBe(TODO);
    }),
  );
});
