// The outside world a command sees, as one object (GitHub CLI's IOStreams):
// its output streams, input, environment, current folder, terminal and clock.
// bin/plan.js runs with the process's own; tests run main() in-process with
// theirs (test/helpers/cli.ts). Everything in src/ that would read
// process.stdout, process.env, process.cwd() or the time for a stamp reads it
// here, so an in-process run sees only what it was given.
//
// The current runtime lives on globalThis, not in this module: each lazily
// loaded bundle (scripts/build.mjs) carries its own copy of this file, and
// they must all see the one runtime main() was given.

import { isatty } from 'node:tty';

/** An output stream as plan uses it: a stream, and whether it is a terminal, how big. */
export type Output = NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number; readonly rows?: number };

export interface Runtime {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  /** The environment plan reads (through src/system/env.ts) and hands to git. */
  env: NodeJS.ProcessEnv;
  /** The folder relative paths are read from. */
  cwd(): string;
  /** Like process.argv: [node, script, ...arguments]. */
  argv: readonly string[];
  /** Whether stdout is a terminal, and its width in columns (0: unknown). */
  readonly isTTY: boolean;
  readonly columns: number;
  /** The terminal's height in rows (0 or absent: unknown): a longer view goes through the pager. */
  readonly rows?: number;
  /** The time of day, for stamps, journals and history (SOURCE_DATE_EPOCH is read apart). */
  now(): Date;
}

/** Whether the process's stdout has been handed out (and so made, and guarded against EPIPE). */
let stdoutMade = false;

/**
 * The process's stdout, made on first use: making it (a socket for a pipe) costs a run that prints
 * nothing a few milliseconds. A pipe closed early (`plan list | head`) is not an error: the run
 * ends with its own exit code.
 */
function processStdout(): NodeJS.WriteStream {
  if (!stdoutMade) {
    stdoutMade = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  return process.stdout;
}

/** The process's own streams, environment and folder, read when asked (so a resize is seen). */
export const processRuntime: Runtime = {
  get stdout() {
    return processStdout();
  },
  get stderr() {
    return process.stderr;
  },
  get stdin() {
    return process.stdin;
  },
  get env() {
    return process.env;
  },
  cwd: () => process.cwd(),
  get argv() {
    return process.argv;
  },
  // Asked of the descriptor, so a run that prints nothing never makes the stream; only a terminal has a size.
  get isTTY() {
    return isatty(1);
  },
  get columns() {
    return isatty(1) ? processStdout().columns || 0 : 0;
  },
  get rows() {
    return isatty(1) ? processStdout().rows || 0 : 0;
  },
  now: () => new Date(),
};

interface Shared {
  current: Runtime;
  listeners: Set<(rt: Runtime) => void>;
}

const KEY = Symbol.for('plan.runtime');
const holder = globalThis as typeof globalThis & { [KEY]?: Shared };
const shared: Shared = (holder[KEY] ??= { current: processRuntime, listeners: new Set() });

/** The runtime of the command running now. */
export function runtime(): Runtime {
  return shared.current;
}

/**
 * Makes `rt` the current runtime until the returned function is called (which
 * puts the previous one back). Module state that depends on the runtime (the
 * colour level) follows through onRuntime.
 */
export function useRuntime(rt: Runtime): () => void {
  const before = shared.current;
  shared.current = rt;
  for (const f of shared.listeners) f(rt);
  return () => {
    shared.current = before;
    for (const f of shared.listeners) f(before);
  };
}

/** Calls `f` with the current runtime now and whenever another one is put in place. */
export function onRuntime(f: (rt: Runtime) => void): void {
  shared.listeners.add(f);
  f(shared.current);
}
