// Running git through its command line: no shell, arguments as an array, and
// its failures turned into one-line PlanErrors. git is the only engine plan
// uses for history and merging; there is no library in between.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { PlanError } from '../system/errors.js';
import { runtime } from '../system/runtime.js';

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/** The environment git runs in: never a pager, never a prompt, messages in English for parsing. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...runtime().env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANG: 'C' };
}

/** Runs `git args` in `cwd`; the caller reads the status. Throws only when git cannot run at all. */
export function git(args: string[], cwd: string, input?: Uint8Array | string): GitResult {
  const r: SpawnSyncReturns<Buffer> = spawnSync('git', args, {
    cwd,
    env: gitEnv(),
    input,
    maxBuffer: 1024 * 1024 * 1024,
    windowsHide: true,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PlanError('git is not installed (or not on PATH); install git to use this command');
    throw new PlanError(`could not run git (${code ?? r.error.message})`);
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

export function firstLine(s: string): string {
  return (
    s
      .trim()
      .split('\n')[0]
      ?.replace(/^(fatal|error): /, '') ?? ''
  );
}
