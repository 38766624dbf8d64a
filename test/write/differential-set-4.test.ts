// Differential test of `set` (test/write/differential-set.ts), on quarter 4 of the corpus.
import { describe } from 'vitest';
import { differsCorpusShard } from './differential-set.js';

describe('set to every status and back, on every task', () => {
  differsCorpusShard(3);
});
