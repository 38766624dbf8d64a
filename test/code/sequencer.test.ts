// The long test files start first in their project (test/setup/sequencer.ts),
// and every corpus file is in exactly one shard of the corpus sweeps.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { longFirst } from '../setup/sequencer.js';
import { CORPUS } from '../helpers/run.js';
import { corpusShard, SHARDS } from '../write/corpus-sweep.js';

describe('the order test files start in', () => {
  it("moves each project's long files to the front of its run, keeping the order otherwise", () => {
    const order = [
      ['bin', 'test/e2e/views.test.ts'],
      ['bin', 'test/e2e/readme.test.ts'],
      ['unit', 'test/read/items.test.ts'],
      ['unit', 'test/write/corpus-sweep-2.test.ts'],
      ['unit', 'test/text/plain.test.ts'],
      ['unit', 'test/write/corpus-sweep-1.test.ts'],
      ['unit-own', 'test/history/incremental.test.ts'],
    ] as const;
    expect(
      longFirst(
        order,
        (t) => t[0],
        (t) => t[1],
      ).map((t) => t[1]),
    ).toEqual([
      'test/e2e/readme.test.ts',
      'test/e2e/views.test.ts',
      'test/write/corpus-sweep-2.test.ts',
      'test/write/corpus-sweep-1.test.ts',
      'test/read/items.test.ts',
      'test/text/plain.test.ts',
      'test/history/incremental.test.ts',
    ]);
  });
});

describe('the shards of the corpus sweeps', () => {
  it('hold every corpus file once', () => {
    const all = (existsSync(CORPUS) ? readdirSync(CORPUS) : []).filter((f) => f.endsWith('.md'));
    const dealt = Array.from({ length: SHARDS }, (_, k) => corpusShard(k)).flat();
    expect(dealt.sort()).toEqual(all.sort());
    if (all.length >= SHARDS) for (let k = 0; k < SHARDS; k++) expect(corpusShard(k).length).toBeGreaterThan(0);
  });
});
