// The cache's task index: each task's id and scope, read back without its chunk.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compact } from '../../src/cache/compact.js';
import { taskScope } from '../../src/cache/task-index.js';
import { SCOPE_KINDS } from '../../src/model/types.js';
import { genPlan } from '../helpers/gen.js';
import { planOf } from '../helpers/inproc.js';
import { SEED } from '../helpers/run.js';

const MIXED = `# Plan

## Sprint 3

### Week 2

| # | Task | Status |
|---|------|--------|
| 1 | In a sprint and a week | ⏳ |

## Month 4

- [ ] 4.1 In a month

## Phase 2: Launch

### Milestone 3

- [x] 2.1 In a phase and a milestone
`;

describe('taskScope', () => {
  it('gives each task the scope the model has, for every kind, from a cache entry read back', async () => {
    for (const text of [MIXED, readFileSync(SEED, 'utf8'), genPlan(600, 4)]) {
      const plan = await planOf(text);
      const index = JSON.parse(JSON.stringify(compact(plan)));
      plan.tasks.forEach((t, i) => {
        expect(taskScope(index, i), `${t.id} line ${t.line}`).toEqual(Object.fromEntries(SCOPE_KINDS.map((k) => [k, t[k]])));
      });
    }
  });

  it('reads every kind of scope, and none', async () => {
    const plan = await planOf(`${MIXED}\n# Other\n\n- [ ] 9.1 Outside every scope\n`);
    const index = compact(plan);
    const position = (id: string) => plan.tasks.findIndex((t) => t.id === id);
    const byId = (id: string) => taskScope(index, position(id));
    expect(byId('1')).toEqual({ sprint: '3', week: '2', month: null, phase: null, milestone: null });
    expect(byId('4.1')).toMatchObject({ sprint: null, month: '4' });
    expect(byId('2.1')).toMatchObject({ phase: '2', milestone: '3' });
    expect(byId('9.1')).toEqual({ sprint: null, week: null, month: null, phase: null, milestone: null });
  });
});
