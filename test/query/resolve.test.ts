// Resolving an id through the cache's index gives what a scan of every task gives.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compact } from '../../src/cache/compact.js';
import { resolveTask } from '../../src/query/resolve.js';
import type { Filters } from '../../src/query/filter.js';
import { genPlan } from '../helpers/gen.js';
import { planOf } from '../helpers/inproc.js';
import { SEED } from '../helpers/run.js';

function outcome(f: () => { id: string; line: number }): string {
  try {
    const t = f();
    return `${t.id}@${t.line}`;
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe('resolveTask with the cache index', () => {
  it('agrees with a full scan, for hits, ambiguities, misses and filters', async () => {
    const cases: [string, string[], Filters[]][] = [
      [readFileSync(SEED, 'utf8'), ['1.2', '5', 'W4-5', '5.a', '#9', '99', '1.'], [{}, { sprint: '8' }, { week: '2' }, { week: '1-3' }, { status: 'done' }]],
      [genPlan(1200), ['3.7', '1.1', '5.100', '6.1', 'x'], [{}, { sprint: '2' }, { sprint: '2', week: '3' }, { week: '3' }, { owner: 'Ana' }, { sprint: '9' }]],
    ];
    for (const [text, ids, filterSets] of cases) {
      const plan = await planOf(text);
      const index = compact(plan);
      for (const id of ids) {
        for (const filters of filterSets) {
          expect(
            outcome(() => resolveTask(plan.tasks, id, filters, 'plan.md', index)),
            `${id} ${JSON.stringify(filters)}`,
          ).toBe(outcome(() => resolveTask(plan.tasks, id, filters, 'plan.md')));
        }
      }
    }
  });
});
