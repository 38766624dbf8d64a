// End-to-end: an unusable cache folder never stops, hangs or breaks a command
// (the built plan: from source it keeps no cache; a hang is a timeout only in a
// real process). A bad SOURCE_DATE_EPOCH is refused in-process: test/cli/bad-env.test.ts.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SEED } from '../helpers/run.js';
import { ok, withCopy } from './write-helpers.js';

describe('an unusable cache folder', () => {
  const cases: [string, (dir: string) => string][] = [
    ['a folder under /proc (where a recursive mkdir never ends)', () => '/proc/plan-cache-test'],
    ['a path through a regular file', (dir) => join(dir, 'plan.md', 'cache')],
    ['a regular file', (dir) => join(dir, 'plan.md')],
  ];
  for (const [name, where] of cases) {
    it.skipIf(name.includes('/proc') && !existsSync('/proc/self'))(
      `${name}: skipped with one warning; reads and writes work`,
      withCopy(SEED, 'plan.md', (w) => {
        const dir = where(w.dir);
        const warning = new RegExp(
          `^plan: warning: cannot use the cache folder ${dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\((ENOENT|ENOTDIR|EEXIST)\\); plan goes on without it \\(set PLAN_CACHE_DIR to a writable folder of your own, or PLAN_NO_CACHE=1\\)\n$`,
        );
        const plain = w.run(['list', '--week', '1'], { PLAN_NO_CACHE: '1' });
        const r = w.run(['list', '--week', '1'], { PLAN_CACHE_DIR: dir });
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(plain.stdout);
        expect(r.stderr).toMatch(warning);
        const s = w.run(['set', '1.3', 'done'], { PLAN_CACHE_DIR: dir });
        expect(s.code).toBe(0);
        expect(s.stderr).toMatch(warning);
        expect(w.run(['show', '1.3', '--json'], { PLAN_NO_CACHE: '1' }).stdout).toMatch(/"status": "done"/);
      }),
    );
  }

  it(
    'FIFOs where the cache entry, the status memory and .planrc.json should be: nothing waits on them',
    withCopy(SEED, 'plan.md', (w) => {
      const cache = join(w.dir, 'cache');
      ok(w.run(['set', '1.3', 'done'], { PLAN_CACHE_DIR: cache }));
      for (const sub of ['plans', 'memory']) {
        for (const name of readdirSync(join(cache, sub))) {
          unlinkSync(join(cache, sub, name));
          spawnSync('mkfifo', [join(cache, sub, name)]);
        }
      }
      spawnSync('mkfifo', [join(w.dir, '.planrc.json')]);
      const r = w.run(['list', '--week', '1'], { PLAN_CACHE_DIR: cache });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^1\.3\ttask\tdone\t/m);
      expect(r.stderr).toBe('plan: warning: plan.md:1: .planrc.json: not a regular file (a FIFO, socket or device); its statuses were ignored\n');
      expect(w.run(['set', '1.3', 'pending'], { PLAN_CACHE_DIR: cache }).code).toBe(0);
      unlinkSync(join(w.dir, '.planrc.json'));
    }),
  );

  it(
    "a FIFO as the lock's owner file: the write waits its time and gives up, never hangs",
    withCopy(SEED, 'plan.md', (w) => {
      mkdirSync(join(w.dir, 'plan.md.lock'));
      spawnSync('mkfifo', [join(w.dir, 'plan.md.lock', 'owner')]);
      try {
        const r = w.run(['set', '1.3', 'done'], { PLAN_LOCK_TIMEOUT: '300', PLAN_LOCK_STALE: '60000' });
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^plan: plan\.md: .*lock/);
      } finally {
        rmSync(join(w.dir, 'plan.md.lock'), { recursive: true });
      }
    }),
  );
});
