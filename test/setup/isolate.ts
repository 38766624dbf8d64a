// Global setup of every test run: the tests never touch the user's machine.
// Before any worker starts, HOME, the XDG folders, git's global and system
// config, the plan cache and TMPDIR point into one temporary folder of this
// run (workers inherit process.env). At the end the run fails if a test left
// anything in that TMPDIR (every test removes what it made) or changed what
// plan could write under the real HOME (git's global config and attributes,
// plan's cache); then the folder is removed.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** What plan (git-setup, the cache, the status memory, undo) could write under a HOME. */
export function watchedPaths(home: string): string[] {
  return [join(home, '.gitconfig'), join(home, '.config', 'git'), join(home, '.cache', 'plan'), join(home, 'Library', 'Caches', 'plan')];
}

/** A fingerprint of files and folders: each path under them, its size and its bytes' digest. */
export function fingerprintOf(paths: string[]): string {
  const hash = createHash('sha1');
  const visit = (p: string): void => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    hash.update(`${p}\0${st.isDirectory() ? 'dir' : st.size}\0`);
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) visit(join(p, e));
    else if (st.isFile()) hash.update(readFileSync(p));
  };
  for (const p of paths) visit(p);
  return hash.digest('hex');
}

/** What was left in a folder. */
export function leftIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

const KEYS = ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'TMPDIR', 'PLAN_TEST_ROOT'];

// Each vitest project runs the global setup: the first makes the folder, the last removes it.
let users = 0;
let saved: Record<string, string | undefined> = {};
let realHome = '';
let before = '';

export function setup(): void {
  users++;
  if (users > 1) return;
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  realHome = homedir();
  before = fingerprintOf(watchedPaths(realHome));
  const root = mkdtempSync(join(tmpdir(), 'plan-test-run-'));
  const dirs = { home: join(root, 'home'), config: join(root, 'config'), cache: join(root, 'cache'), data: join(root, 'data'), tmp: join(root, 'tmp') };
  for (const d of Object.values(dirs)) mkdirSync(d);
  writeFileSync(join(root, 'gitconfig'), '');
  Object.assign(process.env, {
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_CACHE_HOME: dirs.cache,
    XDG_DATA_HOME: dirs.data,
    GIT_CONFIG_GLOBAL: join(root, 'gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    TMPDIR: dirs.tmp,
    PLAN_TEST_ROOT: root,
  });
}

export function teardown(): void {
  users--;
  if (users > 0) return;
  const root = process.env.PLAN_TEST_ROOT!;
  const left = leftIn(join(root, 'tmp'));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(root, { recursive: true, force: true });
  const problems: string[] = [];
  if (left.length) problems.push(`tests left these in the temporary folder (each test removes what it makes):\n  ${left.slice(0, 20).join('\n  ')}`);
  if (fingerprintOf(watchedPaths(realHome)) !== before) {
    problems.push(`the test run changed the real HOME (${watchedPaths(realHome).join(', ')}): a test reached outside its temporary folders`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
}
