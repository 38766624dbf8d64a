// A list filtered by scope reads only the chunks of the cached model that hold
// tasks of that scope; a damaged chunk among those has the plan read again.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { genPlan } from '../helpers/gen.js';
import { plan, tempDir } from '../helpers/run.js';

const dirs: { cleanup: () => void }[] = [];
afterAll(() => {
  for (const d of dirs) d.cleanup();
});

/** A 600-task plan (3 chunks of at most 256 tasks; sprint 2 starts in the third) and a cache of its own, filled by one run. */
function setUp(): { file: string; env: Record<string, string>; entry: () => string } {
  const t = tempDir();
  dirs.push(t);
  const file = join(t.dir, 'plan.md');
  writeFileSync(file, genPlan(600, 3));
  const env = { XDG_CACHE_HOME: join(t.dir, 'cache') };
  expect(plan(['-f', file, 'list', '--sprint', '1', '--week', '1'], { env }).code).toBe(0);
  const dir = join(env.XDG_CACHE_HOME, 'plan', 'plans');
  return { file, env, entry: () => join(dir, readdirSync(dir)[0]!) };
}

/** The cache entry with chunk `k` (its (k + 2)th line) replaced by text that is not JSON. */
function damage(entry: string, k: number): string {
  const lines = readFileSync(entry, 'utf8').split('\n');
  expect(lines.length).toBe(2 + 3);
  lines[2 + k] = '[[garbage';
  const text = lines.join('\n');
  writeFileSync(entry, text);
  return text;
}

const ARGS = ['list', '--sprint', '1', '--week', '1', '--json'];

describe('a list filtered by scope on a cached model', () => {
  it('never reads the chunks outside the scope: a damaged one there is left as it is', () => {
    const { file, env, entry } = setUp();
    const want = plan(['-f', file, ...ARGS], { env: { PLAN_NO_CACHE: '1' } });
    const damaged = damage(entry(), 2);
    const r = plan(['-f', file, ...ARGS], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(want.stdout);
    expect(JSON.parse(r.stdout).tasks.length).toBe(100);
    // Reading never writes: the entry was read, not repaired.
    expect(readFileSync(entry(), 'utf8')).toBe(damaged);
  });

  it('reads the plan again when a chunk it needs is damaged, and the next run finds the entry whole', () => {
    const { file, env, entry } = setUp();
    const want = plan(['-f', file, ...ARGS], { env: { PLAN_NO_CACHE: '1' } });
    const damaged = damage(entry(), 0);
    for (let run = 0; run < 2; run++) {
      const r = plan(['-f', file, ...ARGS], { env });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(want.stdout);
    }
    expect(readFileSync(entry(), 'utf8')).not.toBe(damaged);
    expect(plan(['-f', file, 'list', '--json'], { env }).stdout).toBe(plan(['-f', file, 'list', '--json'], { env: { PLAN_NO_CACHE: '1' } }).stdout);
  });
});
