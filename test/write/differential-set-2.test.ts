// Differential test of `set` (test/write/differential-set.ts), on half the corpus.
import { describe, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers/run.js';
import { corpusHalf, differential } from './differential-set.js';

describe('set to every status and back, on every task', () => {
  const files = corpusHalf(1);
  if (files.length === 0) it.skip(`corpus not found at ${CORPUS}: skipped`, () => {});
  for (const f of files) {
    it(f, { timeout: 240_000 }, async () => {
      const bytes = readFileSync(join(CORPUS, f));
      const text = bytes.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(bytes)) return; // invalid UTF-8: covered by the end-to-end write tests
      await differential(text);
    });
  }
});
