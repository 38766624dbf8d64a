// `npm install -g .` (README, Install) gives a `plan` on the PATH whose `plan help <topic>`
// prints the docs, and `man plan` (package.json `man`). Into a prefix of the test's own,
// never the real global one; offline and without scripts (the bin tier's build is there).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/run.js';

const HAS_MAN = spawnSync('man', ['-w', 'man'], { encoding: 'utf8' }).status === 0;

describe('a global install into a prefix of its own', () => {
  const prefix = tempDir();
  // The PATH a user has after the install; no MANPATH, so man finds the page from the PATH, as it does for a user.
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(prefix.dir, 'bin')}:${process.env.PATH}`, NO_COLOR: '1' };
    delete e.MANPATH;
    return e;
  };
  beforeAll(() => {
    execFileSync('npm', ['install', '-g', '.', '--prefix', prefix.dir, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }, 120_000);
  afterAll(() => prefix.cleanup());

  it('puts plan on the PATH, and plan help reading prints docs/reading.md', () => {
    const r = spawnSync('plan', ['help', 'reading'], { cwd: prefix.dir, env: env(), encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs', 'reading.md'), 'utf8'));
  });

  it.skipIf(!HAS_MAN)('gives man plan the page of man/plan.1', () => {
    const where = spawnSync('man', ['-w', 'plan'], { cwd: prefix.dir, env: env(), encoding: 'utf8' });
    expect([where.status, where.stderr]).toEqual([0, '']);
    expect(realpathSync(where.stdout.trim())).toBe(join(ROOT, 'man', 'plan.1'));
    const page = spawnSync('man', ['-P', 'cat', 'plan'], { cwd: prefix.dir, env: { ...env(), MANWIDTH: '80' }, encoding: 'utf8' });
    expect(page.status).toBe(0);
    expect(page.stdout).toMatch(/^PLAN\(1\) .* PLAN\(1\)\n/);
    expect(page.stdout).toContain('plan - a task tracker for Markdown planning files');
  });
});
