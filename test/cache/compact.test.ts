// The cache's compact form gives back exactly the model it was made from.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compact, expand } from '../../src/cache/compact.js';
import { CORPUS, SEED } from '../helpers/run.js';
import { planOf } from '../helpers/inproc.js';

describe('compact cache form', () => {
  it('round-trips the seed and every corpus file', async () => {
    const files = [
      SEED,
      ...(existsSync(CORPUS)
        ? readdirSync(CORPUS)
            .filter((f) => f.endsWith('.md'))
            .map((f) => join(CORPUS, f))
        : []),
    ];
    for (const f of files) {
      const plan = await planOf(readFileSync(f, 'utf8'));
      const back = expand(JSON.parse(JSON.stringify(compact(plan))));
      expect(back, f).toEqual(plan);
    }
  });

  it('round-trips a task written in several places, with each place where it is', async () => {
    const text =
      '# Plan\n\n## Summary\n\n- [x] Phase 1: Setup\n- [ ] Phase 2: Sync\n\n## Overview\n\n| Phase | Name | Status |\n|---|---|---|\n| 2 | Sync | 🔄 |\n\n' +
      '## Phase 1: Setup\n\n**Status:** Done\n\n- [x] 1.1 Repo\n\n## Phase 2: Sync\n\n**Status:** In progress\n\n- [ ] 2.1 Push\n';
    const plan = await planOf(text);
    expect(plan.tasks.find((t) => t.id === '2')!.mentions!.map((m) => m.line)).toEqual([6, 12]);
    const back = expand(JSON.parse(JSON.stringify(compact(plan))));
    expect(back).toEqual(plan);
    const two = back.tasks.find((t) => t.id === '2')!;
    const item = two.mentions![0]!.source;
    expect(item.type === 'item' && text.slice(item.item.start, item.item.end)).toBe('- [ ] Phase 2: Sync');
    const row = two.mentions![1]!.source;
    expect(row.type === 'row' && text.slice(row.row.start, row.row.end)).toBe('| 2 | Sync | 🔄 |');
  });
});

describe('compact cache form of a board whose columns are its lanes', () => {
  it('keeps each card’s own lane column (its table has none of its rows)', async () => {
    const text = '# Board\n\n| To do | Doing | Done |\n|---|---|---|\n| Write the spec | Draw the screens | |\n| Fix the gate | | |\n';
    const plan = await planOf(text);
    expect(plan.tasks.map((t) => t.source.type === 'row' && t.source.columns.title)).toEqual([0, 1, 0]);
    expect(expand(JSON.parse(JSON.stringify(compact(plan))))).toEqual(plan);
  });
});

describe('a lazily read model', () => {
  it('reads chunks only as tasks are used, and behaves as the whole model for array methods', async () => {
    const { genPlan } = await import('../helpers/gen.js');
    const { expandLazily, CHUNK } = await import('../../src/cache/compact.js');
    const plan = await planOf(genPlan(1000, 9));
    const full = JSON.parse(JSON.stringify(compact(plan)));
    const reads: number[] = [];
    const open = () => {
      reads.length = 0;
      const c = { ...full, chunks: full.chunks.map(() => null) };
      return expandLazily(c, (k) => {
        reads.push(k);
        c.chunks[k] = full.chunks[k];
      });
    };
    expect(open().tasks[CHUNK + 3]).toEqual(plan.tasks[CHUNK + 3]);
    expect(reads).toEqual([1]);
    expect(open().tasks.slice(250, 260)).toEqual(plan.tasks.slice(250, 260));
    expect(reads).toEqual([0, 1]);
    expect(open().tasks.filter((t) => t.status === 'done')).toEqual(plan.tasks.filter((t) => t.status === 'done'));
    expect(open().tasks.map((t) => t.id)).toEqual(plan.tasks.map((t) => t.id));
    expect([...open().tasks]).toEqual(plan.tasks);
    expect(reads).toEqual([0, 1, 2, 3]);
  });
});
