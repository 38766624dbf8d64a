// Runs a `plan` command line in this process: main() from src/cli/command-table.ts with a
// runtime of the test's own (streams that collect, an environment, a folder,
// a terminal or not), so a check of one property costs no Node start-up.
// What needs a real process (signals, locks held by others, crashes, pipes,
// terminals, git's merge driver, MCP over stdio) uses helpers/run.ts plan().

import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/command-table.js';
import type { Runtime } from '../../src/system/runtime.js';
import { BIN, childEnv, ROOT, type RunOptions, type RunResult } from './run.js';

export interface CliOptions extends RunOptions {
  /** stdout is a terminal (table views) of `columns` columns. */
  isTTY?: boolean;
  columns?: number;
  /** The terminal's height (a view longer than it goes through the pager); unknown when absent. */
  rows?: number;
  /** The clock the command reads (the runtime's `now`); the real one when absent. */
  now?: Date;
}

/** A stream that keeps what is written to it, as a terminal of some width or a pipe. */
class Capture extends Writable {
  private readonly chunks: Buffer[] = [];
  constructor(
    readonly isTTY: boolean,
    readonly columns: number | undefined,
  ) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

// One in-process run at a time: the runtime is process-wide, as it is for the real binary.
let queue: Promise<unknown> = Promise.resolve();

/** `plan args` in-process; resolves to its exit code and what it printed. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<RunResult> {
  const go = async (): Promise<RunResult> => {
    const isTTY = !!opts.isTTY;
    const stdout = new Capture(isTTY, isTTY ? opts.columns : undefined);
    const stderr = new Capture(isTTY, isTTY ? opts.columns : undefined);
    const cwd = opts.cwd ?? ROOT;
    const rt: Runtime = {
      stdout,
      stderr,
      stdin: Readable.from([opts.input ?? '']),
      env: childEnv(opts.env),
      cwd: () => cwd,
      argv: [process.execPath, BIN, ...args],
      isTTY,
      columns: isTTY ? (opts.columns ?? 0) : 0,
      ...(isTTY && opts.rows ? { rows: opts.rows } : {}),
      now: () => (opts.now ? new Date(opts.now) : new Date()),
    };
    const code = await main(rt.argv, rt);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };
  const result = queue.then(go, go);
  queue = result.catch(() => undefined);
  return result;
}
