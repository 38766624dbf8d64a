// Runs the built `plan` binary as a user would, in a child process.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const BIN = join(ROOT, 'bin/plan.js');
export const SEED = join(ROOT, 'seeds/progress_planning.md');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const CORPUS = resolve(ROOT, '../shared/corpus/real');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', XDG_CACHE_HOME: CACHE };
  delete env.FORCE_COLOR;
  delete env.PLAN_FILE;
  delete env.DEBUG;
  // No pager unless a test asks for one: a tall view on a pseudo-terminal would wait for less.
  delete env.PAGER;
  env.PLAN_PAGER = 'cat';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** The cache folder of the test run's own (test/setup/isolate.ts), never the user's; removed with the run's folder. */
export const CACHE = testCache();

function testCache(): string {
  const root = process.env.PLAN_TEST_ROOT;
  if (!root) throw new Error('run the tests with vitest (vitest.config.ts): test/setup/isolate.ts gives them a HOME and cache of their own');
  return join(root, 'cache');
}

export function plan(args: string[], opts: RunOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: childEnv(opts.env),
    input: opts.input,
    encoding: 'utf8',
    timeout: 60_000,
    // A big plan's `--json` passes spawnSync's 1 MB default, which kills the child and reads as exit -1.
    maxBuffer: 64 * 1024 * 1024,
  });
  // A child that could not run or was stopped says why, rather than a bare -1.
  const why = r.error ? `${r.stderr}${String(r.error)}\n` : r.stderr;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: why };
}

/** Starts `plan` without waiting, for concurrency tests. */
export function planAsync(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: childEnv(opts.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'plan-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a file into a fresh temporary folder; returns the copy's path. */
export function copyToTemp(src: string, name = 'plan.md'): { file: string; dir: string; cleanup: () => void } {
  const t = tempDir();
  const file = join(t.dir, name);
  copyFileSync(src, file);
  return { file, ...t };
}

export function writeTemp(content: string | Buffer, name = 'plan.md'): { file: string; dir: string; cleanup: () => void } {
  const t = tempDir();
  const file = join(t.dir, name);
  writeFileSync(file, content);
  return { file, ...t };
}
