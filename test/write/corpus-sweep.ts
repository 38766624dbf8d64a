// The corpus sweeps: every task of every corpus file set to each status and back
// (test/write/differential-set.ts, of a big file an even spread of tasks) and set
// to another status and back with the status memory (test/write/roundtrip.ts).
// Both run task by task in one test per file, so that the round trip of a task
// not done finds the text the differential's first step wrote (the same write: set
// done) among the shared reads (sharedPlanOf) instead of reading it again. The files are dealt
// into shards, one test file each (corpus-sweep-1 … 4.test.ts).
import { it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers/run.js';
import { sharedPlanOf as planOf } from '../helpers/inproc.js';
import { differentialTask, steppedEvery } from './differential-set.js';
import { roundTripTask } from './roundtrip.js';

/** Both sweeps over one text: what each did (steps of the differential, tasks the round trip checked). */
async function sweep(text: string): Promise<{ tasks: number; steps: number; checked: number }> {
  const plan = await planOf(text);
  const n = plan.tasks.length;
  const every = steppedEvery(n);
  let steps = 0;
  let checked = 0;
  for (let i = 0; i < n; i++) {
    if (i % every === 0) steps += await differentialTask({ text, plan, index: i }, i);
    if (await roundTripTask(text, plan, i)) checked++;
  }
  return { tasks: n, steps, checked };
}

/** How many test files share the corpus sweeps: shards short enough for vitest's two workers to end together. */
export const SHARDS = 4;

/**
 * Shard `k` (0 … SHARDS - 1) of the corpus files: every file in exactly one shard.
 * The files, largest first, are dealt out back and forth (0 1 2 3 3 2 1 0 0 1 …),
 * so that each shard gets big and small ones alike.
 */
export function corpusShard(k: number): string[] {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')) : [];
  const sized = files.map((f) => ({ f, size: statSync(join(CORPUS, f)).size })).sort((a, b) => b.size - a.size || (a.f < b.f ? -1 : 1));
  return sized.filter((_, i) => (Math.floor(i / SHARDS) % 2 === 0 ? i % SHARDS : SHARDS - 1 - (i % SHARDS)) === k).map((x) => x.f);
}

/** A test per file of shard `k` of the corpus: both sweeps over it. */
export function sweepsCorpusShard(k: number): void {
  const files = corpusShard(k);
  if (files.length === 0) it.skip(`corpus not found at ${CORPUS}: skipped`, () => {});
  for (const f of files) {
    it(`${f}: every task set to each status and back, and set and set back`, { timeout: 600_000 }, async () => {
      const bytes = readFileSync(join(CORPUS, f));
      const text = bytes.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(bytes)) return; // invalid UTF-8: covered by the end-to-end write tests
      await sweep(text);
    });
  }
}
