// plan serve on a plan of several files (issue 24), in this process: the board holds every file's
// tasks (an id two files share named with its file), each problem names its file, a move or an edit
// writes only the file that holds the task (under the revision the page saw), and a change to any
// file, or a file added to the folder, is an event.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { startServer, type Serving } from '../../src/serve/server.js';
import { tempDir } from '../helpers/run.js';
import { eventStream } from '../helpers/serve.js';

const TABLE = '| ID | Task | Status |\n|----|------|--------|\n';
const A = `# A\n\n${TABLE}| 1.1 | Alpha | pending |\n| A-2 | Second | pending |\n`;
const B = `# B\n\n${TABLE}| 1.1 | Beta | pending |\n| B-2 | Waits (after Z-9) | pending |\n`;

const open: { serving: Serving; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.serving.close();
    o.cleanup();
  }
});

async function serve() {
  const t = tempDir();
  mkdirSync(join(t.dir, 'plans'));
  writeFileSync(join(t.dir, 'plans', 'a.md'), A);
  writeFileSync(join(t.dir, 'plans', 'b.md'), B);
  const assets = { html: '<p>page</p>', script: '// page', style: '/* page */' };
  const folder = join(t.dir, 'plans');
  const serving = await startServer({ path: '', files: { explicit: folder }, host: '127.0.0.1', port: 0, readOnly: false, touch: false, assets });
  open.push({ serving, cleanup: t.cleanup });
  const base = `http://127.0.0.1:${serving.port}`;
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}?token=${serving.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify(body),
    });
  type State = { tasks: { id: string; rev: string; title: string; status: string; file: string }[]; problems: { file: string; line: number; code: string }[] };
  const state = async () => (await (await fetch(`${base}/api/state?token=${serving.token}`)).json()) as State;
  const read = (name: string) => readFileSync(join(folder, name), 'utf8');
  return { serving, base, folder, post, state, read };
}

describe('plan serve on a plan of several files', () => {
  it("shows every file's tasks, an id two files share named with its file, and each problem with its file", async () => {
    const s = await serve();
    const st = await s.state();
    expect(st.tasks.map((t) => [t.id, t.title, basename(t.file)])).toEqual([
      ['a.md#1.1', 'Alpha', 'a.md'],
      ['A-2', 'Second', 'a.md'],
      ['b.md#1.1', 'Beta', 'b.md'],
      ['B-2', 'Waits', 'b.md'],
    ]);
    expect(st.problems.map((p) => `${basename(p.file)}:${p.line} ${p.code}`)).toEqual(['b.md:6 dependency-missing']);
  });

  it('a move and an edit write only the file that holds the task; a stale revision is refused', async () => {
    const s = await serve();
    const beta = (await s.state()).tasks.find((t) => t.id === 'b.md#1.1')!;
    const moved = await s.post('/api/move', { id: 'b.md#1.1', rev: beta.rev, status: 'done' });
    expect(moved.status).toBe(200);
    const json = (await moved.json()) as { task: { id: string; status: string; rev: string } };
    expect([json.task.id, json.task.status]).toEqual(['b.md#1.1', 'done']);
    expect(s.read('b.md')).toBe(B.replace('| 1.1 | Beta | pending |', '| 1.1 | Beta | done |'));
    expect(s.read('a.md')).toBe(A);
    // The revision the answer gives is the one the next state shows: the page can write again with it.
    expect((await s.state()).tasks.find((t) => t.id === 'b.md#1.1')!.rev).toBe(json.task.rev);
    const stale = await s.post('/api/edit', { id: 'b.md#1.1', rev: beta.rev, title: 'Gamma' });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { reason: string }).reason).toMatch(/task b\.md#1\.1 changed since the page showed it/);
    const alpha = (await s.state()).tasks.find((t) => t.id === 'a.md#1.1')!;
    expect((await s.post('/api/edit', { id: 'a.md#1.1', rev: alpha.rev, title: 'Alpha two' })).status).toBe(200);
    expect(s.read('a.md')).toBe(A.replace('| 1.1 | Alpha |', '| 1.1 | Alpha two |'));
    expect(s.read('b.md')).toBe(B.replace('| 1.1 | Beta | pending |', '| 1.1 | Beta | done |'));
  });

  it('a change to any file, and a file added to the folder, is an event', async () => {
    const s = await serve();
    const events = await eventStream(s.base, s.serving.token);
    try {
      await events.next('ready');
      writeFileSync(join(s.folder, 'b.md'), B.replace('Beta', 'Beta two'));
      expect(await events.next('plan')).toContain('"present":true');
      writeFileSync(join(s.folder, 'c.md'), '- [ ] C-1 Gamma\n');
      await events.next('plan');
      expect((await s.state()).tasks.map((t) => t.id)).toContain('C-1');
    } finally {
      events.close();
    }
  });
});
