// The model cache keys on everything the model depends on: the plan's bytes (its
// front matter settings with them) and the whole .planrc.json beside it, statuses
// and `read` settings alike. A change to how the file is read never serves the model
// read the old way.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFromText, planCacheKey } from '../../src/load/load.js';
import { readCached, writeCached } from '../../src/cache/plan-cache.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('the cache key of a plan', () => {
  it('changes with the read settings of .planrc.json, so the model read before is not served', async () => {
    const file = join(tmp.dir, 'plan.md');
    const rc = join(tmp.dir, '.planrc.json');
    writeFileSync(file, '| Area | Detail | State |\n|---|---|---|\n| Billing | Fix the refunds page | ✅ |\n');
    writeFileSync(rc, '{"read": {"columns": {"Detail": "notes"}}}');
    const bytes = readFileSync(file);
    const before = planCacheKey(file, bytes, 'test')!;
    writeCached(before, await buildFromText(file, bytes.toString('utf8'), false));
    expect(readCached(before)?.plan.tasks[0]?.title).toBe('Billing');

    writeFileSync(rc, '{"read": {"columns": {"Detail": "title"}}}');
    const after = planCacheKey(file, bytes, 'test')!;
    expect(after.file).toBe(before.file);
    expect(after.digest).not.toBe(before.digest);
    expect(readCached(after)).toBeNull();
    writeCached(after, await buildFromText(file, bytes.toString('utf8'), false));
    expect(readCached(after)?.plan.tasks[0]?.title).toBe('Fix the refunds page');
  });

  it('changes with the read settings of the front matter (they are the file bytes)', () => {
    const file = join(tmp.dir, 'fm.md');
    const key = (columns: string) => planCacheKey(file, Buffer.from(`---\nplan:\n  read:\n    columns: {${columns}}\n---\n| A | B |\n`), 'test')!.digest;
    expect(key('B: title')).not.toBe(key('B: notes'));
  });
});
