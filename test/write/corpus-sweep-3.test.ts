// The corpus sweeps (test/write/corpus-sweep.ts) on shard 3 of the corpus.
import { describe } from 'vitest';
import { sweepsCorpusShard } from './corpus-sweep.js';

describe('the corpus sweeps: set to every status and back, and set and set back', () => {
  sweepsCorpusShard(2);
});
