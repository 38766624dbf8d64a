// plan serve's HTTP server (Node's own http): the page, its state, a stream of change events, and the
// writes, which are the actions `plan set` and `plan edit` run (the same lock, style and checks), each
// refused when the task changed since the page showed it. Every request passes guard.ts first.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowedHosts, newToken, refusal } from './guard.js';
import { boardState, filtersOf } from './state.js';
import { writeRoutes } from './writes.js';
import { PlanEvents } from './events.js';
import { followPlanFiles } from '../load/watcher.js';
import { asPlanError } from '../system/errors.js';

/** The page's three files (serve/assets.ts bundles them; tests may give their own). */
export interface PageAssets {
  html: string;
  script: string;
  style: string;
}

export interface ServeOptions {
  /** The plan's one file. */
  path: string;
  /** A plan of several files, by its -f values (none: $PLAN_FILE, `.planrc.json`): its files are found again at each request, and `path` is not used. */
  files?: { explicit: string | readonly string[] | undefined };
  host: string;
  /** 0: any free port. */
  port: number;
  readOnly: boolean;
  assets: PageAssets;
  /** Refresh `modified:` and `Last Updated` on a write, as `plan set` does (false: --no-touch). */
  touch: boolean;
  token?: string;
}

export interface Serving {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', `${JSON.stringify(value)}\n`);
}

function readRoutes(o: ServeOptions, token: string, events: PlanEvents): Map<string, Handler> {
  // The token is a URL-safe word (base64url): it goes into the page's script and stylesheet links as it is.
  const html = o.assets.html.replaceAll('__TOKEN__', token);
  return new Map<string, Handler>([
    ['GET /', (_q, res) => send(res, 200, 'text/html', html)],
    ['GET /app.js', (_q, res) => send(res, 200, 'text/javascript', o.assets.script)],
    ['GET /style.css', (_q, res) => send(res, 200, 'text/css', o.assets.style)],
    // No icon: an empty answer, so the browser does not ask again or log a failure.
    ['GET /favicon.ico', (_q, res) => send(res, 204, 'image/x-icon', '')],
    ['GET /api/state', async (_q, res, url) => sendJson(res, 200, await boardState(o.files ?? o.path, filtersOf(url.searchParams)))],
    ['GET /api/events', (req, res) => events.add(req, res)],
  ]);
}

function handle(routes: Map<string, Handler>, hosts: () => Set<string>, token: string): Handler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refused = refusal(req, url, hosts(), token);
    if (refused) return sendJson(res, refused.status, { ok: false, reason: refused.reason });
    const route = routes.get(`${req.method} ${url.pathname}`);
    if (!route) return sendJson(res, 404, { ok: false, reason: `no such route: ${req.method} ${url.pathname}` });
    try {
      await route(req, res, url);
    } catch (e) {
      // A plan error (the file unreadable, a write refused) is the reason the page shows; anything else says no more than that.
      const planError = asPlanError(e);
      if (!res.headersSent)
        sendJson(res, planError ? (planError.exitCode === 2 ? 400 : 409) : 500, { ok: false, reason: planError?.message ?? 'internal error' });
      else res.end();
    }
  };
}

export async function startServer(o: ServeOptions): Promise<Serving> {
  const token = o.token ?? newToken();
  const events = new PlanEvents(o.files ? followPlanFiles(o.files.explicit) : o.path);
  const routes = readRoutes(o, token, events);
  // --read-only: the write routes are not there at all (a write is a 404, as any unknown route).
  if (!o.readOnly) for (const [key, h] of writeRoutes(o.files ?? o.path, o.touch)) routes.set(key, h);
  let hosts = new Set<string>();
  const server = createServer((req, res) => void handle(routes, () => hosts, token)(req, res, new URL('http://x')));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(o.host, port);
  events.start();
  // On every address (0.0.0.0, ::) the URL names this machine's loopback one; the others answer too.
  const address = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
  const shown = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${shown}:${port}/?token=${token}`,
    port,
    token,
    server,
    close: async () => {
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
