// Runs the built `plan` on a pseudo-terminal, as a person at a terminal of a
// given width would: util-linux `script` gives it a pty (stdout.isTTY, the
// pty's own column count), `stty` sets the width. No native addon needed.

import { spawnSync } from 'node:child_process';
import { BIN, childEnv, ROOT, type RunResult } from './run.js';

/** Whether this machine has util-linux `script` (the pty tests say so and skip when it has not). */
export const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') ?? false;

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export interface PtyOptions {
  columns: number;
  cwd?: string;
  env?: Record<string, string | undefined>;
}

/**
 * `plan args` on a pty `columns` wide. stdout and stderr arrive together (one
 * terminal), with the pty's CRLF turned back into LF.
 */
export function planOnPty(args: string[], opts: PtyOptions): RunResult {
  // No COLUMNS: the width must come from the terminal itself.
  const env = childEnv({ COLUMNS: undefined, LINES: undefined, TERM: 'xterm-256color', ...opts.env });
  const command = `stty cols ${opts.columns} rows 500 && exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const r = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    cwd: opts.cwd ?? ROOT,
    env: { ...env, SHELL: '/bin/sh' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout.replace(/\r\n/g, '\n'), stderr: r.stderr };
}

/** `s` without ANSI colour codes. */
export function stripAnsi(s: string): string {
  return s.replace(/\x1b\[[0-9;]*m/g, '');
}
