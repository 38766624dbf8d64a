// A plan of several files with the built binary (issue 24): each file's own
// cache entry, writers on different files at once (each under its own file's
// lock), and the MCP server started on a folder.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { plan, planAsync, SEED, tempDir } from '../helpers/run.js';
import { connect, textOf } from '../mcp/client.js';

const SPRINT1 = '# Sprint 1\n\n| ID | Task | Status |\n|----|------|--------|\n| 1.1 | Set up repo | done |\n| 1.2 | Write parser | pending |\n';
const SPRINT2 = '# Sprint 2\n\n| ID | Task | Status |\n|----|------|--------|\n| 1.1 | Design API | pending |\n| 1.2 | Build API | pending |\n';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function folder(files: Record<string, string>): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(t.dir, name)), { recursive: true });
    writeFileSync(join(t.dir, name), text);
  }
  return t.dir;
}

describe('a plan of several files, built', () => {
  it('keeps a cache entry per file, and parses again only the file that changed', () => {
    const cache = tempDir();
    cleanups.push(cache.cleanup);
    const dir = folder({ 'plans/sprint1.md': SPRINT1, 'plans/sprint2.md': SPRINT2 });
    const env = { XDG_CACHE_HOME: cache.dir };
    expect(plan(['-f', 'plans', 'list'], { cwd: dir, env }).code).toBe(0);
    const entries = join(cache.dir, 'plan', 'plans');
    expect(readdirSync(entries)).toHaveLength(2);
    // A title only sprint1's cache entry has: a parse of sprint1.md would lose it.
    const marked = readdirSync(entries).filter((name) => {
      const text = readFileSync(join(entries, name), 'utf8');
      if (!text.includes('Write parser')) return false;
      writeFileSync(join(entries, name), text.replace('Write parser', 'Write PARSER'));
      return true;
    });
    expect(marked).toHaveLength(1);
    writeFileSync(join(dir, 'plans/sprint2.md'), SPRINT2.replace('Build API', 'Build the API'));
    const r = plan(['-f', 'plans', 'list', '--json'], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    const titles = (JSON.parse(r.stdout).tasks as { title: string }[]).map((t) => t.title);
    expect(titles).toEqual(['Set up repo', 'Write PARSER', 'Design API', 'Build the API']);
  });

  it('reads the same plan from the cache as without it, ids another file has too named by their file, and a damaged entry is parsed again', () => {
    const cache = tempDir();
    cleanups.push(cache.cleanup);
    const dir = folder({ 'plans/sprint1.md': SPRINT1, 'plans/sprint2.md': SPRINT2, 'plans/sprint3.md': '# Sprint 3\n\n- [ ] 3.1 Ship it\n' });
    const env = { XDG_CACHE_HOME: cache.dir };
    const cold = plan(['-f', 'plans', 'list', '--json'], { cwd: dir, env: { PLAN_NO_CACHE: '1' } });
    expect(cold.code, cold.stderr).toBe(0);
    expect(JSON.parse(cold.stdout).tasks.map((t: { id: string }) => t.id)).toEqual([
      'sprint1.md#1.1',
      'sprint1.md#1.2',
      'sprint2.md#1.1',
      'sprint2.md#1.2',
      '3.1',
    ]);
    for (const args of [
      ['list', '--json'],
      ['list', '--status', 'open'],
      ['show', 'sprint2.md#1.1', '--json'],
      ['status', '--json'],
    ]) {
      const want = plan(['-f', 'plans', ...args], { cwd: dir, env: { PLAN_NO_CACHE: '1' } });
      plan(['-f', 'plans', ...args], { cwd: dir, env }); // fills the cache
      const warm = plan(['-f', 'plans', ...args], { cwd: dir, env });
      expect([warm.code, warm.stdout, warm.stderr]).toEqual([want.code, want.stdout, want.stderr]);
    }
    // Each entry's last line is a chunk of tasks: cut short, it does not read, and the file is parsed again.
    const entries = join(cache.dir, 'plan', 'plans');
    for (const name of readdirSync(entries)) writeFileSync(join(entries, name), readFileSync(join(entries, name), 'utf8').slice(0, -3));
    const damaged = plan(['-f', 'plans', 'list', '--json'], { cwd: dir, env });
    expect([damaged.code, damaged.stdout, damaged.stderr]).toEqual([0, cold.stdout, cold.stderr]);
  });

  it('keeps the stamps of files unchanged for a while (not read again while unchanged), and still sees every change', () => {
    const cache = tempDir();
    cleanups.push(cache.cleanup);
    const dir = folder({ 'plans/sprint1.md': SPRINT1 });
    // A link to a file of the repository, unchanged for longer than TRUST_MS (src/cache/stamps.ts); sprint1.md was just
    // written, and dated an hour ahead: on a loaded machine the first run may start more than TRUST_MS after the write.
    symlinkSync(SEED, join(dir, 'plans', 'seed.md'));
    const ahead = Date.now() / 1000 + 3600;
    utimesSync(join(dir, 'plans', 'sprint1.md'), ahead, ahead);
    const env = { XDG_CACHE_HOME: cache.dir };
    const list = () => {
      const r = plan(['-f', 'plans', 'list', '--json'], { cwd: dir, env });
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout).tasks as { id: string; status: string; title: string }[]).filter((t) => t.id.startsWith('sprint1.md#'));
    };
    const first = list();
    const stamps = join(cache.dir, 'plan', 'stamps');
    const [memo] = readdirSync(stamps);
    const recorded = readFileSync(join(stamps, memo!), 'utf8');
    expect(recorded).toContain(join(dir, 'plans', 'seed.md'));
    expect(recorded).not.toContain('sprint1.md');
    expect(list()).toEqual(first);
    // The same size, the modification time set back: seen.
    const file = join(dir, 'plans', 'sprint1.md');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const before = statSync(file);
    writeFileSync(file, SPRINT1.replace('| pending |', '| blocked |'));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect([statSync(file).size, statSync(file).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(list().map((t) => t.status)).toEqual(['done', 'blocked']);
    // A writer's change (a new file renamed over the old), then a damaged stamps file.
    expect(plan(['-f', 'plans', 'set', 'sprint1.md#1.1', 'pending'], { cwd: dir, env }).code).toBe(0);
    expect(list().map((t) => t.status)).toEqual(['pending', 'blocked']);
    writeFileSync(join(stamps, memo!), `${recorded.split('\n')[0]}\n{"${join(dir, 'plans', 'sprint1.md')}": 7}`);
    expect(list().map((t) => t.status)).toEqual(['pending', 'blocked']);
  });

  it('sees a change to the .planrc.json beside the files on the next warm run', () => {
    const cache = tempDir();
    cleanups.push(cache.cleanup);
    const rows = (id: string) => `| ID | Task | Status |\n|----|------|--------|\n| ${id} | Ship | Shipped |\n`;
    const dir = folder({ 'plans/a.md': rows('A1'), 'plans/b.md': rows('B1'), 'plans/.planrc.json': '{"statuses": {"Shipped": "done"}}' });
    const env = { XDG_CACHE_HOME: cache.dir };
    const statuses = () => (JSON.parse(plan(['-f', 'plans', 'list', '--json'], { cwd: dir, env }).stdout).tasks as { status: string }[]).map((t) => t.status);
    expect(statuses()).toEqual(['done', 'done']);
    expect(statuses()).toEqual(['done', 'done']);
    writeFileSync(join(dir, 'plans/.planrc.json'), '{"statuses": {"Shipped": "blocked"}}');
    expect(statuses()).toEqual(['blocked', 'blocked']);
  });

  it('writers on different files at once each change their own file, and none is lost', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 4; i++) files[`plans/f${i}.md`] = `# F${i}\n\n- [ ] F${i}-1 First\n- [ ] F${i}-2 Second\n`;
    const dir = folder(files);
    const runs = [1, 2, 3, 4].flatMap((i) => [
      planAsync(['-f', 'plans', 'set', `F${i}-1`, 'done'], { cwd: dir }),
      planAsync(['-f', 'plans', 'set', `F${i}-2`, 'done'], { cwd: dir }),
    ]);
    for (const r of await Promise.all(runs)) expect(r.code, r.stderr).toBe(0);
    for (let i = 1; i <= 4; i++) {
      expect(readFileSync(join(dir, `plans/f${i}.md`), 'utf8')).toBe(`# F${i}\n\n- [x] F${i}-1 First\n- [x] F${i}-2 Second\n`);
    }
    expect(readdirSync(join(dir, 'plans')).sort()).toEqual(['f1.md', 'f2.md', 'f3.md', 'f4.md']);
  });

  it('the MCP server on a folder serves the whole plan, and writes the file that holds the task', async () => {
    const dir = folder({ 'plans/sprint1.md': SPRINT1, 'plans/sprint2.md': SPRINT2, 'plans/README.md': '# Readme\n\nNo tasks.\n' });
    const s = await connect(join(dir, 'plans'), { cwd: dir });
    try {
      const list = await s.call('list_tasks', { fields: ['id', 'title', 'file'] });
      expect(list.isError, textOf(list)).toBeFalsy();
      const tasks = (list.structuredContent as { tasks: { id: string; file: string }[] }).tasks;
      expect(tasks.map((t) => t.id)).toEqual(['sprint1.md#1.1', 'sprint1.md#1.2', 'sprint2.md#1.1', 'sprint2.md#1.2']);
      const set = await s.call('set_status', { id: 'sprint2.md#1.2', status: 'done' });
      expect(set.isError, textOf(set)).toBeFalsy();
      expect(readFileSync(join(dir, 'plans/sprint2.md'), 'utf8')).toBe(SPRINT2.replace('| 1.2 | Build API | pending |', '| 1.2 | Build API | done |'));
      expect(readFileSync(join(dir, 'plans/sprint1.md'), 'utf8')).toBe(SPRINT1);
      const ambiguous = await s.call('show_task', { id: '1.1' });
      expect(ambiguous.isError).toBe(true);
      expect(textOf(ambiguous)).toContain('name one (sprint1.md#1.1, sprint2.md#1.1)');
    } finally {
      await s.close();
    }
  });
});
