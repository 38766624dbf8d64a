// Set every task to another status and back (test/write/roundtrip.ts), on the other half of the corpus.
import { describe, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers/run.js';
import { corpusHalf } from './differential-set.js';
import { roundTripAll } from './roundtrip.js';

describe('set and set back', () => {
  const files = corpusHalf(1);
  if (files.length === 0) it.skip(`corpus not found at ${CORPUS}: skipped`, () => {});
  for (const f of files) {
    it(`restores ${f}`, { timeout: 600_000 }, async () => {
      const bytes = readFileSync(join(CORPUS, f));
      const text = bytes.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(bytes)) return; // invalid UTF-8: covered by the end-to-end write tests
      await roundTripAll(text);
    });
  }
});
