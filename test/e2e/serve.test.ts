// plan serve as a real process: the URL it prints, its event stream after a `plan set` from another
// process and a hand edit, its refusals of bad options, and its end on SIGTERM.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planAsync, plan, ROOT, tempDir, writeTemp } from '../helpers/run.js';
import { eventStream, startServe } from '../helpers/serve.js';

const PLAN = ['# Plan', '', '| # | Task | Status |', '|---|------|--------|', '| 1 | Alpha | Pending |', '| 2 | Beta | Pending |', ''].join('\n');

describe('plan serve (process)', () => {
  it('prints its URL with a token, sends an event after a plan set from another process and after a hand edit, and ends on SIGTERM', async () => {
    const t = writeTemp(PLAN);
    const s = await startServe(t.file);
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
      expect(s.stderr()).toContain('Ctrl-C to stop');
      const events = await eventStream(s.base, s.token);
      expect(events.status).toBe(200);
      await events.next('ready');
      const set = await planAsync(['-f', t.file, 'set', '1', 'done']);
      expect(set.code).toBe(0);
      await events.next('plan');
      const state = await (await fetch(`${s.base}/api/state?token=${s.token}`)).json();
      expect(state.tasks.map((x: { status: string }) => x.status)).toEqual(['done', 'pending']);
      writeFileSync(t.file, readFileSync(t.file, 'utf8').replace('| 2 | Beta |', '| 2 | Beta by hand |'));
      await events.next('plan');
      const after = await (await fetch(`${s.base}/api/state?token=${s.token}`)).json();
      expect(after.tasks[1].title).toBe('Beta by hand');
      events.close();
    } finally {
      expect(await s.stop()).toBe(0);
      t.cleanup();
    }
  });

  it('serves a folder: the board holds every file of the plan, and says so on stderr', async () => {
    const t = tempDir();
    mkdirSync(join(t.dir, 'plans'));
    writeFileSync(join(t.dir, 'plans', 'a.md'), '- [ ] A-1 Alpha\n');
    writeFileSync(join(t.dir, 'plans', 'b.md'), '- [ ] B-1 Beta\n');
    const s = await startServe('plans', [], t.dir);
    try {
      expect(s.stderr()).toBe('plan: serving plans/ at the URL on stdout (its token is required); Ctrl-C to stop\n');
      const state = await (await fetch(`${s.base}/api/state?token=${s.token}`)).json();
      expect(state.tasks.map((x: { id: string; file: string }) => `${x.file} ${x.id}`)).toEqual(['plans/a.md A-1', 'plans/b.md B-1']);
    } finally {
      expect(await s.stop()).toBe(0);
      t.cleanup();
    }
  });

  it('refuses a bad --port with a usage error (exit 2, one line)', () => {
    const t = writeTemp(PLAN);
    const r = plan(['-f', t.file, 'serve', '--port', 'http']);
    t.cleanup();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: --port takes a port number from 0 to 65535 (0: any free port), not "http"\n');
    expect(r.stdout).toBe('');
  });

  it('warns when --host is not loopback', async () => {
    const t = writeTemp(PLAN);
    const s = await startServe(t.file, ['--host', '0.0.0.0', '--read-only']);
    try {
      expect(s.stderr()).toContain('plan: warning: serving on 0.0.0.0, not only this machine');
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect((await fetch(`${s.base}/api/state?token=${s.token}`)).status).toBe(200);
    } finally {
      expect(await s.stop()).toBe(0);
      t.cleanup();
    }
  });

  it('--open without a browser to open (no xdg-open on PATH) still serves', async () => {
    const t = writeTemp(PLAN);
    const s = await startServe(t.file, ['--open'], undefined, { PATH: t.dir });
    try {
      expect((await fetch(`${s.base}/api/state?token=${s.token}`)).status).toBe(200);
      expect(s.stderr()).not.toContain('Error');
    } finally {
      expect(await s.stop()).toBe(0);
      t.cleanup();
    }
  });

  it('is bundled on its own: the main bundle holds nothing of the server or the page', () => {
    const main = readFileSync(join(ROOT, 'dist/cli.cjs'), 'utf8');
    const lazy = readFileSync(join(ROOT, 'dist/lazy/commands-serve.cjs'), 'utf8');
    for (const piece of ['/api/events', 'Content-Security-Policy', 'EventSource']) {
      expect(main, piece).not.toContain(piece);
      expect(lazy, piece).toContain(piece);
    }
  });
});
