// plan serve: the plan as a live board in the browser (src/serve), until Ctrl-C. Bound to loopback
// unless --host says otherwise (then a warning: anyone who can reach that address and has the token
// can change the plan). The URL, with its token, is printed on stdout.

import { spawn } from 'node:child_process';
import type { Context } from './context.js';
import { locatePlanFiles } from '../load/files.js';
import { displayPath } from '../load/load.js';
import { UsageError, PlanError } from '../system/errors.js';
import { startServer } from '../serve/server.js';
import { PAGE_ASSETS } from '../serve/assets.js';

export interface ServeFlags {
  port?: string;
  host?: string;
  open?: boolean;
  readOnly?: boolean;
  touch?: boolean;
}

function portOf(text: string | undefined): number {
  if (text === undefined) return 0;
  const n = /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(n >= 0 && n <= 65535)) throw new UsageError(`--port takes a port number from 0 to 65535 (0: any free port), not "${text}"`);
  return n;
}

function loopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Best effort: a browser that does not start never fails the command (the URL is printed anyway). */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no opener on this system
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const stop = () => {
      for (const s of signals) process.off(s, stop);
      resolve();
    };
    for (const s of signals) process.on(s, stop);
  });
}

export async function serve(ctx: Context, flags: ServeFlags): Promise<number> {
  const files = locatePlanFiles(ctx.opts.file);
  const path = files.paths[0]!;
  const shown = files.many ? (await import('../load/plan-set.js')).commonFolder(files.paths) : displayPath(path);
  const host = flags.host?.trim() || '127.0.0.1';
  const port = portOf(flags.port);
  if (!loopback(host)) {
    ctx.err(`plan: warning: serving on ${host}, not only this machine: anyone who reaches it with the token can change ${shown}\n`);
  }
  const several = files.many ? { files: { explicit: ctx.opts.file } } : {};
  const serving = await startServer({ path, ...several, host, port, readOnly: !!flags.readOnly, touch: flags.touch !== false, assets: PAGE_ASSETS }).catch(
    (e) => {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new PlanError(`cannot serve on ${host}:${port} (${code}); try another --port, or --port 0 for any free one`);
    },
  );
  // Listening for the signals before saying where: whoever reads the URL may stop the server at once.
  const stopped = untilSignal();
  ctx.err(`plan: serving ${shown}${flags.readOnly ? ' read-only' : ''} at the URL on stdout (its token is required); Ctrl-C to stop\n`);
  ctx.out(`${serving.url}\n`);
  if (flags.open) openBrowser(serving.url);
  await stopped;
  await serving.close();
  return 0;
}
