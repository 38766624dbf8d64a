// Global setup of every test run: the tests never touch the user's machine.
// Before any worker starts, HOME, the XDG folders, git's global and system
// config, the plan cache and TMPDIR point into one temporary folder of this
// run (workers inherit process.env). At the end the run fails if a test left
// anything in that TMPDIR (every test removes what it made) or changed what
// plan could write under the real HOME (git's global config and attributes,
// plan's cache); then the folder is removed. A run that is stopped (Ctrl-C, a
// signal) removes it on its way out; one killed outright cannot, so each run
// first removes the folders of runs whose process is gone (the pid is in the folder).

import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Git's global config and attributes under a HOME: what `plan git-setup --global` writes. */
export function gitPaths(home: string): string[] {
  return [join(home, '.gitconfig'), join(home, '.config', 'git')];
}

/** A fingerprint of files and folders: each path under them, its size and its bytes' digest. */
export function fingerprintOf(paths: string[]): string {
  const hash = createHash('sha1');
  for (const p of paths) for (const f of filesUnder(p)) hash.update(`${f}\0`).update(readFileSync(f));
  return hash.digest('hex');
}

function filesUnder(p: string): string[] {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(p);
  } catch {
    return [];
  }
  if (st.isFile()) return [p];
  if (!st.isDirectory()) return [];
  return readdirSync(p)
    .sort()
    .flatMap((e) => filesUnder(join(p, e)));
}

/**
 * Files of plan's cache under a HOME (cache, status memory, undo journal) that
 * name a file of this run: other plan processes on the machine may write the
 * cache meanwhile, so only what points into the run's folder counts.
 */
export function cacheFilesOf(home: string, root: string, since: number): string[] {
  const mark = Buffer.from(root.split('/').pop()!);
  return [join(home, '.cache', 'plan'), join(home, 'Library', 'Caches', 'plan')]
    .flatMap(filesUnder)
    .filter((f) => statSync(f).mtimeMs >= since && readFileSync(f).includes(mark));
}

/** What was left in a folder. */
export function leftIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** The file in a run's folder that names the process of the run (vitest's main process, where the global setup runs). */
const OWNER = 'pid';

/** Whether process `pid` is running (one of another user counts: kill says EPERM). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The run folders (plan-test-run-*) in `dir` whose run is over: their pid file names a process that is gone.
 * A folder without one (being made, or of an older run) is left alone, and so is one of a live run.
 */
export function staleRuns(dir: string, isAlive: (pid: number) => boolean = alive): string[] {
  return leftIn(dir)
    .filter((e) => e.startsWith('plan-test-run-'))
    .filter((e) => {
      let pid: number;
      try {
        pid = Number(readFileSync(join(dir, e, OWNER), 'utf8'));
      } catch {
        return false;
      }
      return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
    })
    .map((e) => join(dir, e));
}

/** Removes a folder, or leaves it where this user may not (another user's run, in a sticky /tmp). */
function removeIfAllowed(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // not ours to remove
  }
}

/** Removes the run's folder when the process leaves without the teardown (a signal vitest exits on). */
function removeOnExit(root: string): () => void {
  const remove = () => removeIfAllowed(root);
  process.once('exit', remove);
  return () => process.off('exit', remove);
}

const KEYS = ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'TMPDIR', 'PLAN_TEST_ROOT'];

// Each vitest project runs the global setup, each with its own copy of this
// module: the first makes the folder, the last removes it (state on globalThis).
interface RunState {
  users: number;
  saved: Record<string, string | undefined>;
  realHome: string;
  before: string;
  started: number;
  /** Takes back the exit handler (removeOnExit): the teardown removes the folder itself. */
  forget: () => void;
}
const KEY = Symbol.for('plan.test.isolate');
const shared = globalThis as typeof globalThis & { [KEY]?: RunState };

export function setup(): void {
  if (shared[KEY]) {
    shared[KEY].users++;
    return;
  }
  for (const stale of staleRuns(tmpdir())) removeIfAllowed(stale);
  const realHome = homedir();
  const root = mkdtempSync(join(tmpdir(), 'plan-test-run-'));
  writeFileSync(join(root, OWNER), String(process.pid));
  shared[KEY] = {
    users: 1,
    saved: Object.fromEntries(KEYS.map((k) => [k, process.env[k]])),
    realHome,
    before: fingerprintOf(gitPaths(realHome)),
    started: Date.now(),
    forget: removeOnExit(root),
  };
  const dirs = { home: join(root, 'home'), config: join(root, 'config'), cache: join(root, 'cache'), data: join(root, 'data'), tmp: join(root, 'tmp') };
  for (const d of Object.values(dirs)) mkdirSync(d);
  // As /tmp is: tests that run plan as another user (write-permissions) reach their folders.
  chmodSync(root, 0o755);
  chmodSync(dirs.tmp, 0o1777);
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
  const state = shared[KEY]!;
  if (--state.users > 0) return;
  delete shared[KEY];
  const { saved, realHome, before, started, forget } = state;
  forget();
  const root = process.env.PLAN_TEST_ROOT!;
  const left = leftIn(join(root, 'tmp'));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(root, { recursive: true, force: true });
  const problems: string[] = [];
  if (left.length) problems.push(`tests left these in the temporary folder (each test removes what it makes):\n  ${left.slice(0, 20).join('\n  ')}`);
  if (fingerprintOf(gitPaths(realHome)) !== before) {
    problems.push(`the test run changed git's global config or attributes under the real HOME (${gitPaths(realHome).join(', ')})`);
  }
  const cached = cacheFilesOf(realHome, root, started);
  if (cached.length) problems.push(`the test run wrote plan's cache under the real HOME:\n  ${cached.slice(0, 20).join('\n  ')}`);
  if (problems.length) {
    // A teardown's error is printed, but does not change vitest's exit code by itself.
    process.exitCode = 1;
    throw new Error(problems.join('\n'));
  }
}
