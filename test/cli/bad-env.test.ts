// In-process (test/helpers/cli.ts): a SOURCE_DATE_EPOCH plan cannot write as a
// date is refused before anything is written. The cache folders and FIFOs run
// in real processes (test/e2e/bad-env.test.ts): run from source plan has no
// build to key a cache on, and a hang is a timeout only there.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SEED } from '../helpers/run.js';
import { ok, replaceAll, withCliCopy } from '../e2e/write-helpers.js';

const seed = readFileSync(SEED, 'utf8');

describe('SOURCE_DATE_EPOCH', () => {
  for (const epoch of ['99999999999999', '253402300800', 'abc', '-1', '1.5', ' 1', '1e9']) {
    it(
      `"${epoch}" is refused before any write (exit 2), dry run included`,
      withCliCopy(SEED, 'plan.md', async (w) => {
        for (const args of [['set', '1.3', 'done'], ['set', '1.3', 'done', '--dry-run'], ['add', 'More', '--week', '1'], ['fix']]) {
          const r = await w.run(args, { SOURCE_DATE_EPOCH: epoch });
          expect(r.stdout).toBe('');
          expect(r.stderr).toBe(
            `plan: SOURCE_DATE_EPOCH=${epoch} is not a date plan can write (whole seconds since 1970, up to the year 9999); fix or unset it, or pass --no-touch\n`,
          );
          expect(r.code).toBe(2);
        }
        expect(w.text()).toBe(seed);
      }),
    );
  }

  it(
    'is not needed with --no-touch: the dates are left alone',
    withCliCopy(SEED, 'plan.md', async (w) => {
      ok(await w.run(['set', '1.3', 'done', '--no-touch'], { SOURCE_DATE_EPOCH: 'abc' }));
      ok(await w.run(['set', '1.3', 'pending', '--no-touch'], { SOURCE_DATE_EPOCH: 'abc' }));
      expect(w.text()).toBe(seed);
    }),
  );

  it(
    'the last second of the year 9999 and the first of 1970 are written as dates',
    withCliCopy(SEED, 'plan.md', async (w) => {
      ok(await w.run(['set', '1.3', 'done'], { SOURCE_DATE_EPOCH: '253402300799' }));
      expect(w.text()).toMatch(/^modified: 9999-12-31$/m);
      expect(w.text()).toMatch(/^\*\*Last Updated\*\*: 9999-12-31$/m);
      ok(await w.run(['set', '1.3', 'pending'], { SOURCE_DATE_EPOCH: '0' }));
      expect(w.text()).toBe(
        replaceAll(seed, [
          ['modified: 2026-02-20', 'modified: 1970-01-01'],
          ['**Last Updated**: 2026-02-20', '**Last Updated**: 1970-01-01'],
        ]),
      );
    }),
  );
});
