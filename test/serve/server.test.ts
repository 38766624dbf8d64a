// plan serve's server in this process (port 0, fetch): who may ask (token, Host, Origin), what the state
// route says, and the write routes' guarantees (exact bytes, the revision check, concurrent moves).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { startServer, type Serving } from '../../src/serve/server.js';
import { allowedHosts } from '../../src/serve/guard.js';
import { networkInterfaces } from 'node:os';
import { writeTemp } from '../helpers/run.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const PLAN = [
  '# Plan',
  '',
  '| # | Task | Owner | Status |',
  '|---|------|-------|--------|',
  '| 1 | Alpha | ana | Pending |',
  '| 2 | Beta | bo | Pending |',
  // Raw HTML in a cell is not text (the reader drops it); in a code span it is, and must stay text on the page.
  `| 3 | \`${HOSTILE}\` | | Pending |`,
  '',
].join('\n');

const open: { serving: Serving; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.serving.close();
    o.cleanup();
  }
});

async function serve(readOnly = false, text = PLAN) {
  const t = writeTemp(text);
  const serving = await startServer({
    path: t.file,
    host: '127.0.0.1',
    port: 0,
    readOnly,
    touch: true,
    assets: { html: '<script src="/app.js?token=__TOKEN__"></script>', script: '// page', style: '/* page */' },
  });
  open.push({ serving, cleanup: t.cleanup });
  const base = `http://127.0.0.1:${serving.port}`;
  const origin = { Origin: base };
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
  const post = (path: string, body: unknown, headers: Record<string, string> = origin) =>
    fetch(`${base}${path}?token=${serving.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const state = async () =>
    (await (await get(`/api/state?token=${serving.token}`)).json()) as { tasks: { id: string; rev: string; title: string; status: string }[] };
  return { file: t.file, serving, base, get, post, state };
}

/** A GET with headers fetch would not let us set (Host). */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('plan serve: who may ask', () => {
  it('refuses a request without the token, or with a wrong one (401), on every route', async () => {
    const s = await serve();
    for (const path of ['/', '/app.js', '/style.css', '/api/state', '/api/events', '/?token=wrong']) {
      const r = await s.get(path);
      expect(r.status, path).toBe(401);
      expect((await r.json()).reason).toContain('token');
    }
    expect((await s.post('/api/move?x=1', {}, { Origin: s.base, Authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('serves the page with the token, under a strict Content-Security-Policy', async () => {
    const s = await serve();
    const r = await s.get(`/?token=${s.serving.token}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(`<script src="/app.js?token=${s.serving.token}"></script>`);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(s.serving.url).toBe(`http://127.0.0.1:${s.serving.port}/?token=${s.serving.token}`);
  });

  it('refuses a foreign Origin (403), even with the token, and a write without an Origin', async () => {
    const s = await serve();
    const before = readFileSync(s.file);
    const r = await s.get(`/api/state?token=${s.serving.token}`, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect((await r.json()).reason).toContain('Origin');
    const rev = (await s.state()).tasks[0]!.rev;
    expect((await s.post('/api/move', { id: '1', rev, status: 'done' }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await s.post('/api/move', { id: '1', rev, status: 'done' }, {})).status).toBe(403);
    expect(readFileSync(s.file)).toEqual(before);
  });

  it('refuses a Host that is not its own (403: DNS rebinding)', async () => {
    const s = await serve();
    const path = `/api/state?token=${s.serving.token}`;
    expect((await rawGet(s.serving.port, path, { Host: `evil.example:${s.serving.port}` })).status).toBe(403);
    expect((await rawGet(s.serving.port, path, { Host: '127.0.0.1:1' })).status).toBe(403);
    expect((await rawGet(s.serving.port, path, { Host: `localhost:${s.serving.port}` })).status).toBe(200);
  });

  it('answers to loopback names and the --host address; on every address (0.0.0.0), to each of the machine’s', () => {
    expect([...allowedHosts('127.0.0.1', 8080)].sort()).toEqual(['127.0.0.1:8080', '[::1]:8080', 'localhost:8080']);
    expect(allowedHosts('192.0.2.7', 8080).has('192.0.2.7:8080')).toBe(true);
    expect(allowedHosts('fe80::1', 8080).has('[fe80::1]:8080')).toBe(true);
    // Port 80: browsers send Host (and Origin) without the port.
    expect([...allowedHosts('127.0.0.1', 80)].sort()).toEqual(['127.0.0.1', '127.0.0.1:80', '[::1]', '[::1]:80', 'localhost', 'localhost:80']);
    expect(allowedHosts('127.0.0.1', 8080).has('localhost')).toBe(false);
    const own = Object.values(networkInterfaces()).flatMap((l) => (l ?? []).filter((a) => a.family === 'IPv4').map((a) => `${a.address}:8080`));
    const every = allowedHosts('0.0.0.0', 8080);
    for (const a of own) expect(every.has(a), a).toBe(true);
    expect(every.has('evil.example:8080')).toBe(false);
  });

  it('--read-only has no write routes (404) and writes nothing', async () => {
    const s = await serve(true);
    const before = readFileSync(s.file);
    const rev = (await s.state()).tasks[0]!.rev;
    const r = await s.post('/api/move', { id: '1', rev, status: 'done' });
    expect(r.status).toBe(404);
    expect((await s.post('/api/edit', { id: '1', rev, title: 'x' })).status).toBe(404);
    expect(readFileSync(s.file)).toEqual(before);
  });
});

describe('plan serve: state and writes', () => {
  it('returns a hostile title as data, never as markup', async () => {
    const s = await serve();
    const r = await s.get(`/api/state?token=${s.serving.token}`);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await r.json();
    expect(body.tasks.map((t: { title: string }) => t.title)).toEqual(['Alpha', 'Beta', HOSTILE]);
    expect(body.statuses).toEqual(['pending', 'in-progress', 'blocked', 'done']);
    expect(body.summary.total).toMatchObject({ done: 0, total: 3 });
  });

  it('offers every column but "No status" as a target of a move (no write sets it)', async () => {
    const s = await serve(false, PLAN.replace('| 2 | Beta | bo | Pending |', '| 2 | Beta | bo | |'));
    const body = await (await s.get(`/api/state?token=${s.serving.token}`)).json();
    expect(body.tasks.map((t: { status: string }) => t.status)).toEqual(['pending', 'none', 'pending']);
    expect(body.statuses).toEqual(['pending', 'in-progress', 'blocked', 'done', 'none']);
    expect(body.targets).toEqual(['pending', 'in-progress', 'blocked', 'done']);
  });

  it('filters as the CLI does (owner, text)', async () => {
    const s = await serve();
    const ids = async (q: string) => ((await (await s.get(`/api/state?token=${s.serving.token}&${q}`)).json()).tasks as { id: string }[]).map((t) => t.id);
    expect(await ids('owner=bo')).toEqual(['2']);
    expect(await ids('text=alph')).toEqual(['1']);
  });

  it('a move writes exactly the status cell', async () => {
    const s = await serve();
    const rev = (await s.state()).tasks[0]!.rev;
    const r = await s.post('/api/move', { id: '1', rev, status: 'done' });
    expect(r.status).toBe(200);
    expect((await r.json()).task.status).toBe('done');
    expect(readFileSync(s.file, 'utf8')).toBe(PLAN.replace('| 1 | Alpha | ana | Pending |', '| 1 | Alpha | ana | Done |'));
  });

  it('an edit writes exactly the title cell', async () => {
    const s = await serve();
    const rev = (await s.state()).tasks[1]!.rev;
    const r = await s.post('/api/edit', { id: '2', rev, title: 'Gamma' });
    expect(r.status).toBe(200);
    expect(readFileSync(s.file, 'utf8')).toBe(PLAN.replace('| 2 | Beta | bo |', '| 2 | Gamma | bo |'));
  });

  it('refuses a move of a task changed since the page saw it, with the reason, and writes nothing', async () => {
    const s = await serve();
    const rev = (await s.state()).tasks[0]!.rev;
    const edited = PLAN.replace('| 1 | Alpha |', '| 1 | Alpha renamed |');
    writeFileSync(s.file, edited);
    const r = await s.post('/api/move', { id: '1', rev, status: 'done' });
    expect(r.status).toBe(409);
    const body = await r.json();
    expect(body.ok).toBe(false);
    expect(body.reason).toMatch(/task 1 changed since the page showed it \(now "Alpha renamed", pending\); nothing was written$/);
    expect(readFileSync(s.file, 'utf8')).toBe(edited);
  });

  it('says why a bad request is refused (400), and an unknown status is the action’s own usage error', async () => {
    const s = await serve();
    const rev = (await s.state()).tasks[0]!.rev;
    expect((await s.post('/api/move', { id: '1', status: 'done' })).status).toBe(400);
    const r = await s.post('/api/move', { id: '1', rev, status: 'sideways' });
    expect(r.status).toBe(400);
    expect((await r.json()).reason).toContain('unknown status "sideways"');
  });

  it('two concurrent moves of different cards both land', async () => {
    const s = await serve();
    const [a, b] = (await s.state()).tasks;
    const rs = await Promise.all([
      s.post('/api/move', { id: '1', rev: a!.rev, status: 'done' }),
      s.post('/api/move', { id: '2', rev: b!.rev, status: 'blocked' }),
    ]);
    expect(rs.map((r) => r.status)).toEqual([200, 200]);
    expect(readFileSync(s.file, 'utf8')).toBe(
      PLAN.replace('| 1 | Alpha | ana | Pending |', '| 1 | Alpha | ana | Done |').replace('| 2 | Beta | bo | Pending |', '| 2 | Beta | bo | Blocked |'),
    );
  });
});
