// `plan serve` as a real process (the bin tier): started on port 0, its URL read from its first line of
// stdout; and a reader of its event stream that waits for a named event (no sleeps: each wait ends on
// the event, or on vitest's timeout).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN, childEnv } from './run.js';

export interface ServeProcess {
  url: string;
  base: string;
  token: string;
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

/** `file` is found from `cwd` (the test's folder by default), and shown on the page as given. */
export function startServe(file: string, args: string[] = [], cwd?: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, '-f', file, 'serve', '--port', '0', ...args], { env: childEnv(env), cwd });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    // Ready when both are said: the URL on stdout, and on stderr the line that ends with the way to stop it.
    const seen = () => {
      const line = /^(http:\/\/\S+)\n/.exec(stdout)?.[1];
      if (!line || !stderr.includes('Ctrl-C to stop\n')) return;
      const url = new URL(line);
      resolve({
        url: line,
        base: url.origin,
        token: url.searchParams.get('token') ?? '',
        child,
        stderr: () => stderr,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', (d) => {
      stdout += d;
      seen();
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      seen();
    });
    child.on('exit', (code) => reject(new Error(`plan serve exited (${code}) before printing its URL: ${stderr}`)));
  });
}

/** The event stream of a server: `next(name)` resolves on the next event of that name. */
export async function eventStream(base: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/events?token=${token}`, { signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const next = async (name: string): Promise<string> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.split('\n').includes(`event: ${name}`)) return block;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error(`the event stream ended before a "${name}" event`);
      buffer += value;
    }
  };
  return { status: res.status, next, close: () => controller.abort() };
}
