// plan check and plan fix on a plan of several files (issue 24): each file's
// problems named with its file, dependencies checked across the files, and
// each file's repairs written to that file alone, in its own journal.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanupFolders, folder } from '../helpers/folder.js';

afterEach(cleanupFolders);

const TABLE = '| ID | Task | Status | Depends |\n|----|------|--------|---------|\n';
// a.md: 1.1 is done but waits on b.md's open 1.1; 1.2 waits on B-9 (only b.md has it);
// A-3 on a bare 1.5 (b.md and c.md have it); A-4 on Z-1 (no file has it); 1.2 twice in a.md.
const A = `# A\n\n${TABLE}| 1.1 | Set up | done | b.md#1.1 |\n| 1.2 | Parse | pending | B-9 |\n| A-3 | Wire | pending | 1.5 |\n| A-4 | Ship | pending | Z-1 |\n| 1.2 | Again | pending | |\n`;
const B = '- [ ] 1.1 Design\n- [ ] B-9 Build\n- [ ] 1.5 Five\n';
const C = '- [ ] 1.5 Also five\n- [ ] C-1 Depends on nothing (after Q-7)\n';
const PLAN = { 'plans/a.md': A, 'plans/b.md': B, 'plans/sub/c.md': C, 'plans/notes.md': '# Notes\n\nOnly prose.\n' };

describe('plan check on a plan of several files', () => {
  it("names each file's problems with the file, checks dependencies across the files, exit 1 on an error", async () => {
    const f = folder(PLAN);
    const r = await f.run(['-f', 'plans', 'check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'plans/a.md:5:18 warning task a.md#1.1 is done but depends on b.md#1.1 (pending); finish those, or correct the status or the dependency',
        'plans/a.md:7:26 error task A-3 depends on "1.5", which 2 tasks of the plan have (b.md#1.5, c.md#1.5); name one with its file',
        'plans/a.md:8:26 warning task A-4 depends on "Z-1", which is no task\'s id; write an id that `plan list` shows, or remove it',
        'plans/a.md:9:3 error id "1.2" is used again (first on line 6) in the same section "A"; give one of them another id',
        'plans/sub/c.md:2:37 warning task C-1 depends on "Q-7", which is no task\'s id; write an id that `plan list` shows, or remove it',
        '',
      ].join('\n'),
    );
  });

  it('--json gives each problem its file; an id repeated across files is no problem', async () => {
    const f = folder({ 'a.md': '- [ ] 1.1 One (after B-1)\n', 'b.md': '- [ ] 1.1 Other\n- [x] B-1 Done\n' });
    const r = await f.run(['-f', 'a.md', '-f', 'b.md', 'check', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ schemaVersion: 3, file: '.', problems: [], errors: 0, warnings: 0 });
    const g = folder(PLAN);
    const json = JSON.parse((await g.run(['-f', 'plans', 'check', '--json'])).stdout);
    expect(json.problems.map((p: { file: string; line: number; code: string }) => `${p.file}:${p.line} ${p.code}`)).toEqual([
      'plans/a.md:5 dependency-open',
      'plans/a.md:7 dependency-ambiguous',
      'plans/a.md:8 dependency-missing',
      'plans/a.md:9 duplicate-id',
      'plans/sub/c.md:2 dependency-missing',
    ]);
    expect([json.file, json.errors, json.warnings]).toEqual(['plans/', 2, 3]);
  });

  it('on a terminal: each problem with its file, then the tally; a clean plan says so', async () => {
    const f = folder(PLAN);
    const tty = await runCli(['-f', 'plans', 'check'], { cwd: f.dir, isTTY: true, columns: 200, env: { NO_COLOR: '1' } });
    expect(
      tty.stdout
        .split('\n')
        .filter((l) => l.startsWith('plans/'))
        .map((l) => l.split(' ')[0]),
    ).toEqual(['plans/a.md:5:18', 'plans/a.md:7:26', 'plans/a.md:8:26', 'plans/a.md:9:3', 'plans/sub/c.md:2:37']);
    expect(tty.stdout).toMatch(/\n\n2 errors, 3 warnings\n$/);
    const clean = folder({ 'a.md': '- [ ] A-1 One\n', 'b.md': '- [ ] B-1 Two\n' });
    const ok = await runCli(['-f', 'a.md', '-f', 'b.md', 'check'], { cwd: clean.dir, isTTY: true, columns: 80, env: { NO_COLOR: '1' } });
    expect([ok.code, ok.stdout]).toEqual([0, '.: no problems found\n']);
  });

  it('a file that cannot be read is one line on stderr; the others are checked; exit 1', async () => {
    const f = folder({ 'plans/a.md': '- [ ] A-1 One\n', 'plans/broken.md': Buffer.from([0x2d, 0x20, 0x00, 0x01]) });
    const r = await f.run(['-f', 'plans', 'check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('plan: plans/broken.md: looks like a binary file (it contains NUL bytes), not a Markdown plan; pass the right file with -f\n');
    expect(r.stdout).toBe('');
  });

  it('tasks of several files that wait on each other are one cycle, at its first task', async () => {
    const f = folder({ 'a.md': '- [ ] A-0 Free\n- [ ] A-1 One (after B-1)\n', 'b.md': '- [ ] B-1 Two (after C-1)\n', 'c.md': '- [ ] C-1 Three (after A-1)\n' });
    const r = await f.run(['-f', 'a.md', '-f', 'b.md', '-f', 'c.md', 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'a.md:2:7 error dependency cycle across files: A-1 → B-1 → C-1 → A-1; no task of it can ever start: remove one of these dependencies\n',
    );
  });

  it('one file is checked as it always was (no file per problem in --json)', async () => {
    const f = folder(PLAN);
    const r = await f.run(['-f', 'plans/b.md', 'check', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ schemaVersion: 3, file: 'plans/b.md', problems: [], errors: 0, warnings: 0 });
  });
});

describe('plan fix on a plan of several files', () => {
  const DASH = 'â€”'; // `—` decoded through Windows-1252
  const files = {
    'plans/a.md': `- [ ] A-1 Ship it ${DASH} soon\n`,
    'plans/b.md': '- [ ] B-1 Clean\n',
    'plans/sub/c.md': `- [ ] C-1 CafÃ© menu ${DASH} ok\n`,
    'plans/notes.md': `Notes ${DASH} prose, no tasks\n`,
  };

  it("repairs each file's damaged text in that file alone; a file without tasks is no file of the plan", async () => {
    const f = folder(files);
    // One instant for every write: the journals' times tie, and undo still takes the last file written first.
    const r = await runCli(['-f', 'plans', 'fix'], { cwd: f.dir, now: new Date('2026-03-01T10:00:00Z') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('line\tcolumn\tdamaged\trepaired\tfile\n1\t19\tâ€”\t—\tplans/a.md\n1\t14\tÃ©\té\tplans/sub/c.md\n1\t22\tâ€”\t—\tplans/sub/c.md\n');
    expect(f.read('plans/a.md').toString()).toBe('- [ ] A-1 Ship it — soon\n');
    expect(f.read('plans/b.md').toString()).toBe(files['plans/b.md']);
    expect(f.read('plans/sub/c.md').toString()).toBe('- [ ] C-1 Café menu — ok\n');
    expect(f.read('plans/notes.md').toString()).toBe(files['plans/notes.md']);
    // Each file's write is in its own journal: undo takes them back one file at a time, the last written first.
    expect((await f.run(['-f', 'plans', 'undo'])).stdout).toMatch(/^Undid `plan fix` at .* in plans\/sub\/c\.md\n$/);
    expect(f.read('plans/a.md').toString()).toBe('- [ ] A-1 Ship it — soon\n');
    expect((await f.run(['-f', 'plans', 'undo'])).stdout).toMatch(/^Undid `plan fix` at .* in plans\/a\.md\n$/);
    for (const name of ['plans/a.md', 'plans/sub/c.md'] as const) expect(f.read(name).toString()).toBe(files[name]);
    const none = await f.run(['-f', 'plans', 'undo']);
    expect([none.code, none.stderr]).toEqual([1, 'plan: no write by plan to undo in the 4 files of the plan\n']);
  });

  it('--dry-run prints each file’s diff and writes nothing; --json names the file of each repair', async () => {
    const f = folder(files);
    const dry = await f.run(['-f', 'plans', 'fix', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- a/plans/a.md\n+++ b/plans/a.md\n');
    expect(dry.stdout).toContain('--- a/plans/sub/c.md\n+++ b/plans/sub/c.md\n');
    expect(dry.stdout).not.toContain('b.md');
    const json = JSON.parse((await f.run(['-f', 'plans', 'fix', '--dry-run', '--json'])).stdout);
    expect([json.file, json.changed, json.written]).toEqual(['plans/', true, false]);
    expect(json.repairs.map((r: { file: string; column: number }) => `${r.file}:${r.column}`)).toEqual([
      'plans/a.md:19',
      'plans/sub/c.md:14',
      'plans/sub/c.md:22',
    ]);
    for (const [name, text] of Object.entries(files)) expect(f.read(name).toString()).toBe(text);
  });

  it('a read-only file is refused with its line; the others are repaired; exit 1', async () => {
    const f = folder({ ...files, 'plans/a.md': `---\nread_only: true\n---\n${files['plans/a.md']}` });
    const r = await f.run(['-f', 'plans', 'fix', '--no-touch']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: plans\/a\.md: the plan is read-only \(read_only: true in its front matter\); nothing was written[^\n]*\n$/);
    expect(f.read('plans/a.md').toString()).toBe(`---\nread_only: true\n---\n${files['plans/a.md']}`);
    expect(f.read('plans/sub/c.md').toString()).toBe('- [ ] C-1 Café menu — ok\n');
  });

  it('with nothing damaged, says so for the plan and changes nothing', async () => {
    const f = folder({ 'a.md': '- [ ] A-1 One\n', 'b.md': '- [ ] B-1 Two\n' });
    const r = await f.run(['-f', 'a.md', '-f', 'b.md', 'fix']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'plan: .: no damaged text found; nothing to change\n']);
  });
});
