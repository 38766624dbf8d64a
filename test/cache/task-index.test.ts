// The cache's task index: each task's id and scope, read back without its chunk.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compact } from '../../src/cache/compact.js';
import { packScopes, taskScope, unpackScopes } from '../../src/cache/task-index.js';
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

describe('packScopes', () => {
  it('keeps the scopes in runs, read back entry for entry', async () => {
    for (const text of [MIXED, readFileSync(SEED, 'utf8'), genPlan(600, 4)]) {
      const { scopes } = compact(await planOf(text));
      const runs = JSON.parse(JSON.stringify(packScopes(scopes)));
      expect(unpackScopes(runs, scopes.length)).toEqual(scopes);
    }
    expect(unpackScopes([], 0)).toEqual([]);
    // 600 tasks in 4 sprints of weeks: one run a week, not an entry a task.
    const { scopes } = compact(await planOf(genPlan(600, 4)));
    expect(packScopes(scopes).length).toBeLessThan(scopes.length / 10);
  });

  it('refuses runs that are not such a list, or of another count (a damaged cache file)', () => {
    for (const bad of [null, {}, [[0, 'a']], [[1.5, 'a']], [[2, 3]], [['2', 'a']], [[2, 'a'], 'b'], [[5, 'a']], [[1, 'a']]]) {
      expect(unpackScopes(bad, 2), JSON.stringify(bad)).toBeNull();
    }
    expect(
      unpackScopes(
        [
          [1, 'a'],
          [1, 'b'],
        ],
        2,
      ),
    ).toEqual(['a', 'b']);
  });
});
