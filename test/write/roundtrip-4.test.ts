// Set every task to another status and back (test/write/roundtrip.ts), on quarter 4 of the corpus.
import { describe } from 'vitest';
import { restoresCorpusShard } from './roundtrip.js';

describe('set and set back', () => {
  restoresCorpusShard(3);
});
