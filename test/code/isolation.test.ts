// The test run leaves the user's machine alone (test/setup/isolate.ts): every
// test sees a HOME, XDG folders, git global config and TMPDIR of the run's own,
// and the run's end-of-run checks catch what a test would leave or change.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFilesOf, fingerprintOf, gitPaths, leftIn, staleRuns } from '../setup/isolate.js';

const root = process.env.PLAN_TEST_ROOT!;

describe('the environment of every test', () => {
  it('points HOME, the XDG folders, git and TMPDIR into the run folder', () => {
    expect(root).toMatch(/plan-test-run-/);
    for (const k of ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'GIT_CONFIG_GLOBAL', 'TMPDIR']) {
      expect(process.env[k], k).toMatch(new RegExp(`^${root}/`));
    }
    expect(homedir().startsWith(`${root}/`)).toBe(true);
    expect(tmpdir().startsWith(`${root}/`)).toBe(true);
    expect(process.env.GIT_CONFIG_NOSYSTEM).toBe('1');
  });

  it("gives git a global config of the run's own", () => {
    const shown = execFileSync('git', ['config', '--global', '--list', '--show-origin'], { encoding: 'utf8' });
    expect(shown).toBe('');
    execFileSync('git', ['config', '--global', 'plan.test', 'yes']);
    try {
      expect(execFileSync('git', ['config', '--global', '--show-origin', '--get', 'plan.test'], { encoding: 'utf8' })).toBe(
        `file:${process.env.GIT_CONFIG_GLOBAL}\tyes\n`,
      );
    } finally {
      execFileSync('git', ['config', '--global', '--unset', 'plan.test']);
    }
  });
});

describe('the end-of-run checks', () => {
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'isolation-'));
    return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  };

  it('see a global git config or attributes file changed', () => {
    const home = scratch();
    try {
      const before = fingerprintOf(gitPaths(home.dir));
      mkdirSync(join(home.dir, '.config', 'git'), { recursive: true });
      expect(fingerprintOf(gitPaths(home.dir))).toBe(before);
      writeFileSync(join(home.dir, '.config', 'git', 'attributes'), 'PLAN.md merge=plan\n');
      const withAttributes = fingerprintOf(gitPaths(home.dir));
      expect(withAttributes).not.toBe(before);
      writeFileSync(join(home.dir, '.gitconfig'), '[merge "plan"]\n');
      expect(fingerprintOf(gitPaths(home.dir))).not.toBe(withAttributes);
    } finally {
      home.cleanup();
    }
  });

  it("see a cache file that names the run's folder, and not one of another plan process", () => {
    const home = scratch();
    try {
      const cache = join(home.dir, '.cache', 'plan', 'memory');
      mkdirSync(cache, { recursive: true });
      const since = Date.now() - 1000;
      writeFileSync(join(cache, 'other'), '{"file":"/home/someone/PLAN.md"}');
      expect(cacheFilesOf(home.dir, root, since)).toEqual([]);
      writeFileSync(join(cache, 'ours'), `{"file":"${root}/tmp/plan-test-x/plan.md"}`);
      expect(cacheFilesOf(home.dir, root, since)).toEqual([join(cache, 'ours')]);
    } finally {
      home.cleanup();
    }
  });

  it('list what was left in a folder', () => {
    const t = scratch();
    try {
      expect(leftIn(t.dir)).toEqual([]);
      mkdirSync(join(t.dir, 'plan-test-abc'));
      writeFileSync(join(t.dir, 'x.md'), '');
      expect(leftIn(t.dir)).toEqual(['plan-test-abc', 'x.md']);
      expect(leftIn(join(t.dir, 'none'))).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it("find the folders of runs whose process is gone, and leave a live run's and one without a pid", () => {
    const t = scratch();
    try {
      const run = (name: string, pid?: string) => {
        mkdirSync(join(t.dir, name));
        if (pid !== undefined) writeFileSync(join(t.dir, name, 'pid'), pid);
      };
      run('plan-test-run-gone', '101');
      run('plan-test-run-live', '102');
      run('plan-test-run-older');
      run('plan-test-run-odd', 'x');
      run('other-gone', '101');
      expect(staleRuns(t.dir, (pid) => pid === 102)).toEqual([join(t.dir, 'plan-test-run-gone')]);
      expect(staleRuns(t.dir, () => true)).toEqual([]);
      expect(staleRuns(join(t.dir, 'none'))).toEqual([]);
    } finally {
      t.cleanup();
    }
  });
});
