// The model cache: keyed by content, kept outside the repository, never stale.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyToTemp, plan, SEED, tempDir } from '../helpers/run.js';

const cache = tempDir();
const home = tempDir();
afterAll(() => {
  cache.cleanup();
  home.cleanup();
});

function statuses(file: string, env: Record<string, string | undefined>) {
  const r = plan(['-f', file, 'list', '--week', '1', '--json'], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout)
    .tasks.map((t: { id: string; status: string }) => `${t.id}:${t.status}`)
    .join(' ');
}

describe('the model cache', () => {
  it('lives under XDG_CACHE_HOME, not beside the plan', () => {
    const copy = copyToTemp(SEED);
    const env = { XDG_CACHE_HOME: cache.dir };
    statuses(copy.file, env);
    expect(readdirSync(join(cache.dir, 'plan', 'plans')).length).toBe(1);
    expect(readdirSync(copy.dir)).toEqual(['plan.md']);
    copy.cleanup();
  });

  it('falls back to ~/.cache/plan, and PLAN_NO_CACHE writes none', () => {
    const copy = copyToTemp(SEED);
    statuses(copy.file, { XDG_CACHE_HOME: undefined, HOME: home.dir });
    expect(existsSync(join(home.dir, '.cache', 'plan', 'plans'))).toBe(true);
    const none = tempDir();
    statuses(copy.file, { XDG_CACHE_HOME: none.dir, PLAN_NO_CACHE: '1' });
    expect(readdirSync(none.dir)).toEqual([]);
    none.cleanup();
    copy.cleanup();
  });

  it('sees a hand edit at once, even with the same size and modification time', () => {
    const copy = copyToTemp(SEED);
    const env = { XDG_CACHE_HOME: cache.dir };
    expect(statuses(copy.file, env)).toBe('1.1:done 1.2:in-progress 1.3:pending');
    expect(statuses(copy.file, env)).toBe('1.1:done 1.2:in-progress 1.3:pending'); // from the cache
    const before = statSync(copy.file);
    const text = readFileSync(copy.file, 'utf8');
    // Same length, same modification time: only the content says it changed.
    const edited = text.replace('‚è≥ Pending', '‚úÖ Done   ');
    expect(edited.length).toBe(text.length);
    writeFileSync(copy.file, edited);
    utimesSync(copy.file, before.atime, before.mtime);
    expect(statuses(copy.file, env)).toBe('1.1:done 1.2:in-progress 1.3:done');
    copy.cleanup();
  });

  it('a damaged cache entry is ignored', () => {
    const copy = copyToTemp(SEED);
    const own = tempDir();
    const env = { XDG_CACHE_HOME: own.dir };
    statuses(copy.file, env);
    const dir = join(own.dir, 'plan', 'plans');
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), `${readFileSync(join(dir, f), 'utf8').slice(0, 60)}garbage`);
    expect(statuses(copy.file, env)).toBe('1.1:done 1.2:in-progress 1.3:pending');
    own.cleanup();
    copy.cleanup();
  });

  it('a write through plan is seen by the next read', () => {
    const copy = copyToTemp(SEED);
    const env = { XDG_CACHE_HOME: cache.dir };
    statuses(copy.file, env);
    expect(plan(['-f', copy.file, 'set', '1.3', 'done'], { env }).code).toBe(0);
    expect(statuses(copy.file, env)).toBe('1.1:done 1.2:in-progress 1.3:done');
    copy.cleanup();
  });
});

describe('the model cache of a board whose columns are its lanes', () => {
  it('gives show --explain the card’s lane, warm as cold', () => {
    const dir = tempDir();
    const file = join(dir.dir, 'plan.md');
    writeFileSync(file, '# Board\n\n| To do | Doing | Done |\n|---|---|---|\n| Write the spec | Draw the screens | |\n');
    const env = { XDG_CACHE_HOME: join(dir.dir, 'cache') };
    const cold = plan(['-f', file, 'show', 'Draw the screens', '--explain'], { env });
    expect(plan(['-f', file, 'list'], { env }).code).toBe(0);
    const warm = plan(['-f', file, 'show', 'Draw the screens', '--explain'], { env });
    expect(cold.stdout).toContain('the card stands in the "Doing" lane of a board');
    expect(warm.stdout).toBe(cold.stdout);
    dir.cleanup();
  });
});
