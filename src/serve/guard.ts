// Who may talk to the server: a request must name a host the server answers to (no DNS rebinding: a page
// of another site, its name re-pointed at 127.0.0.1, sends its own name in Host), come from the board's
// own origin when it says one (no cross-site POST), and carry the token printed at start (as Jupyter does).

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The names a browser may use for the server at `port`: loopback's, and the address given with --host (all of the machine's for 0.0.0.0 or ::). */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  // Listening on every address (0.0.0.0, ::), the board is reached by any of the machine's own.
  const every = host === '0.0.0.0' || host === '::';
  const addresses = every ? Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address)) : [host];
  for (const a of addresses) names.add(a.includes(':') && !a.startsWith('[') ? `[${a}]` : a);
  // On http's default port a browser leaves the port out of Host and Origin.
  return new Set([...names].flatMap((n) => (port === 80 ? [n, `${n}:80`] : [`${n}:${port}`]).map((h) => h.toLowerCase())));
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a request is refused (its HTTP status and a one-line reason), or null when it may go on. */
export function refusal(req: IncomingMessage, url: URL, hosts: Set<string>, token: string): { status: number; reason: string } | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return { status: 403, reason: 'this server answers only to its own address (Host)' };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.has(origin.toLowerCase().replace(/^http:\/\//, ''))) {
    return { status: 403, reason: 'requests from other sites are refused (Origin)' };
  }
  if (origin === undefined && !['GET', 'HEAD'].includes(req.method ?? '')) return { status: 403, reason: 'a write must say its Origin' };
  if (req.headers['sec-fetch-site'] === 'cross-site') return { status: 403, reason: 'requests from other sites are refused (Sec-Fetch-Site)' };
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
  if (!sameToken(url.searchParams.get('token') ?? bearer, token)) {
    return { status: 401, reason: 'the token is missing or wrong: open the URL plan serve printed' };
  }
  return null;
}
