// The cache's compact form gives back exactly the model it was made from.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compact, expand } from '../../src/cache/compact.js';
import { CORPUS, SEED } from '../helpers/run.js';
import { planOf } from '../helpers/inproc.js';

describe('compact cache form', () => {
  it('round-trips the seed and every corpus file', async () => {
    const files = [SEED, ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => join(CORPUS, f)) : [])];
    for (const f of files) {
      const plan = await planOf(readFileSync(f, 'utf8'));
      const back = expand(JSON.parse(JSON.stringify(compact(plan))));
      expect(back, f).toEqual(plan);
    }
  });
});
