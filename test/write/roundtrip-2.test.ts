// Set every task to another status and back (test/write/roundtrip.ts), on the other half of the corpus.
import { describe } from 'vitest';
import { restoresCorpusHalf } from './roundtrip.js';

describe('set and set back', () => {
  restoresCorpusHalf(1);
});
