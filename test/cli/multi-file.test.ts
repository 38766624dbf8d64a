// A plan made of several files (issue 24): -f repeated, a folder, a glob (quoted
// or spread by the shell), $PLAN_FILE lists, `.planrc.json` files; the reads
// span the files, the writes change only the file that holds the task.
import { afterEach, describe, expect, it } from 'vitest';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { cleanupFolders, folder } from '../helpers/folder.js';
import { globMatches, planFileList } from '../../src/load/files.js';

const SPRINT1 =
  '# Sprint 1\n\n| ID | Task | Status | Depends |\n|----|------|--------|---------|\n| 1.1 | Set up repo | done | |\n| 1.2 | Write parser | pending | |\n| A-1 | Wire it | pending | sprint2.md#1.1 |\n';
const SPRINT2 =
  '# Sprint 2\n\n| ID | Task | Status | Depends |\n|----|------|--------|---------|\n| 1.1 | Design API | pending | |\n| 1.2 | Build API | pending | A-1 |\n';
const NOTES = '# Notes\n\nOnly prose here, no tasks.\n';

afterEach(cleanupFolders);

const PLAN = { 'plans/sprint1.md': SPRINT1, 'plans/sub/sprint2.md': SPRINT2, 'plans/notes.md': NOTES };

function ids(stdout: string): string[] {
  return (JSON.parse(stdout) as { tasks: { id: string }[] }).tasks.map((t) => t.id);
}

describe('which files make the plan', () => {
  it("a folder's hidden files are not plan files: a writer's temporary file (.plan-tmp-…) never makes another's write fail", async () => {
    // A write renames a hidden temporary file over the plan; a writer of another file that walks the
    // folder at that moment must not read it as a file of the plan (nor an editor's `.#name.md` lock).
    const half = '# F1\n\n- [ ] F1-1 First\n';
    const f = folder({ 'plans/f1.md': '# F1\n\n- [ ] F1-1 First\n- [ ] F1-2 Second\n', 'plans/.plan-tmp-9-x-f1.md': half, 'plans/.#f2.md': half });
    const listed = await f.run(['list', '-f', 'plans', '--json']);
    expect(listed.stderr).toBe('');
    expect(ids(listed.stdout)).toEqual(['F1-1', 'F1-2']);
    const set = await f.run(['set', 'F1-2', 'done', '-f', 'plans', '--no-touch']);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(f.read('plans/f1.md').toString()).toBe('# F1\n\n- [ ] F1-1 First\n- [x] F1-2 Second\n');
  });

  it('-f given twice reads both files (it used to read only the last)', async () => {
    const f = folder(PLAN);
    const r = await f.run(['list', '-f', 'plans/sprint1.md', '-f', 'plans/sub/sprint2.md', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['sprint1.md#1.1', 'sprint1.md#1.2', 'A-1', 'sprint2.md#1.1', 'sprint2.md#1.2']);
    const tasks = JSON.parse(r.stdout).tasks as { id: string; file: string }[];
    expect(tasks.map((t) => t.file)).toEqual(['plans/sprint1.md', 'plans/sprint1.md', 'plans/sprint1.md', 'plans/sub/sprint2.md', 'plans/sub/sprint2.md']);
  });

  it('-f given twice with one file is a plan of one file (check works on it)', async () => {
    const f = folder(PLAN);
    const r = await f.run(['-f', 'plans/sprint1.md', '-f', './plans/sprint1.md', 'check', '--json']);
    expect(r.stderr).not.toContain('this command works on one file');
    expect(JSON.parse(r.stdout).file).toBe('plans/sprint1.md');
  });

  it('takes Markdown files the shell spread after -f, before or after the command', async () => {
    const f = folder(PLAN);
    for (const args of [
      ['-f', 'plans/sprint1.md', 'plans/sub/sprint2.md', 'list', '--json'],
      ['list', '-f', 'plans/sprint1.md', 'plans/sub/sprint2.md', '--json'],
    ]) {
      const r = await f.run(args);
      expect(r.code, r.stderr).toBe(0);
      expect(ids(r.stdout)).toHaveLength(5);
    }
  });

  it('refuses a file where the command should be with one line saying to repeat -f', async () => {
    const f = folder({ ...PLAN, 'plans/extra.txt': 'x\n' });
    const r = await f.run(['-f', 'plans/sprint1.md', 'plans/extra.txt', 'list']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "plan: plans/extra.txt: a file where the command should be; for several plan files repeat -f (-f a.md -f b.md), or quote a glob (-f '*.md')\n",
    );
  });

  it('reads every Markdown file below a folder that holds tasks, skipping node_modules and dot folders but .planning', async () => {
    const f = folder({
      ...PLAN,
      'plans/node_modules/pkg/TODO.md': '- [ ] not ours\n',
      'plans/.git/x.md': '- [ ] not ours either\n',
      'plans/.planning/phase.md': '- [ ] P-1 Plan the phase\n',
    });
    const r = await f.run(['-f', 'plans', 'list', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['P-1', 'sprint1.md#1.1', 'sprint1.md#1.2', 'A-1', 'sprint2.md#1.1', 'sprint2.md#1.2']);
    expect(JSON.parse(r.stdout).file).toBe('plans/');
  });

  it('expands a quoted glob, with ** across folders', async () => {
    const f = folder(PLAN);
    expect(ids((await f.run(['-f', 'plans/*.md', 'list', '--json'])).stdout)).toEqual(['1.1', '1.2', 'A-1']);
    expect(ids((await f.run(['-f', 'plans/**/sprint*.md', 'list', '--json'])).stdout)).toHaveLength(5);
  });

  it('walks a glob past node_modules and dot folders, as a folder is walked', async () => {
    const f = folder({
      ...PLAN,
      'plans/node_modules/pkg/sprint9.md': '- [ ] N-1 not ours\n',
      'plans/.git/sprint8.md': '- [ ] G-1 not ours either\n',
      'plans/.kiro/specs/sprint7.md': '- [ ] K-1 Kiro spec task\n',
    });
    const r = await f.run(['-f', 'plans/**/sprint*.md', 'list', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['K-1', 'sprint1.md#1.1', 'sprint1.md#1.2', 'A-1', 'sprint2.md#1.1', 'sprint2.md#1.2']);
  });

  it('reads $PLAN_FILE as a :-separated list, or a folder', async () => {
    const f = folder(PLAN);
    expect(ids((await f.run(['list', '--json'], { PLAN_FILE: 'plans/sprint1.md:plans/sub/sprint2.md' })).stdout)).toHaveLength(5);
    expect(ids((await f.run(['list', '--json'], { PLAN_FILE: 'plans/sub' })).stdout)).toEqual(['1.1', '1.2']);
  });

  it('splits $PLAN_FILE as PATH is split: on Windows at ;, keeping C:\\ whole', () => {
    expect(planFileList('C:\\plans\\a.md;D:\\b.md;', ';')).toEqual(['C:\\plans\\a.md', 'D:\\b.md']);
    expect(planFileList('plans/a.md:plans/b.md', ':')).toEqual(['plans/a.md', 'plans/b.md']);
  });

  it('reads the files globs of .planrc.json when no -f is given', async () => {
    const f = folder({ ...PLAN, 'PLAN.md': '- [ ] Z-1 The single file found today\n', '.planrc.json': '{ "files": ["plans/**/*.md"] }\n' });
    const r = await f.run(['list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(ids(r.stdout)).toHaveLength(5);
    const bad = folder({ ...PLAN, '.planrc.json': '{ "files": "plans" }\n' });
    const refused = await bad.run(['list']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^plan: \S+\.planrc\.json: "files" must be a list of paths or globs, like .*\n$/);
  });

  it('leaves out a file the .planrc.json globs reach through a link out of the repository, with one line, lists the rest, exit 1', async () => {
    const outside = folder({ 'secret.md': "- [ ] S-1 Not the repository's\n" });
    const f = folder({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/plans/a.md': '- [ ] A-1 Ours\n',
      'repo/plans/c.md': '- [ ] C-1 Ours too\n',
      'repo/.planrc.json': '{ "files": ["plans/*.md"] }\n',
    });
    symlinkSync(join(outside.dir, 'secret.md'), join(f.dir, 'repo/plans/b.md'));
    const r = await runCli(['list', '--json'], { cwd: join(f.dir, 'repo') });
    expect(r.code).toBe(1);
    expect(ids(r.stdout)).toEqual(['A-1', 'C-1']);
    expect(r.stderr).toMatch(
      /^plan: \S+b\.md: a symbolic link to \S+secret\.md, outside the repository \S+; plan does not follow a repository's link out of it \(pass -f \S+ to read it anyway\)\n$/,
    );
    const write = await runCli(['set', 'A-1', 'done'], { cwd: join(f.dir, 'repo') });
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/^plan: plans\/b\.md: cannot be read, and a write needs every file of the plan/);
    expect(f.read('repo/plans/a.md').toString()).toBe('- [ ] A-1 Ours\n');
    writeFileSync(join(f.dir, 'repo/.planrc.json'), '{ "files": ["plans/b.md"] }\n');
    const one = await runCli(['list'], { cwd: join(f.dir, 'repo') });
    expect(one.code).toBe(1);
    expect(one.stdout).toBe('');
    expect(one.stderr).toMatch(/^plan: \S+b\.md: a symbolic link to \S+secret\.md, outside the repository /);
  });

  it('does not read through a linked folder out of the repository, nor walk into one', async () => {
    const outside = folder({ 'secret.md': "- [ ] S-1 Not the repository's\n" });
    const f = folder({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/plans/a.md': '- [ ] A-1 Ours\n',
      'repo/.planrc.json': '{ "files": ["linked/*.md", "plans/**/*.md"] }\n',
    });
    symlinkSync(outside.dir, join(f.dir, 'repo/linked'));
    symlinkSync(outside.dir, join(f.dir, 'repo/plans/inner'));
    const r = await runCli(['list', '--json'], { cwd: join(f.dir, 'repo') });
    expect(r.code).toBe(1);
    expect(ids(r.stdout)).toEqual(['A-1']);
    expect(r.stderr).toMatch(/^plan: \S+linked\/secret\.md: in a linked folder, really \S+secret\.md, outside the repository \S+; [^\n]*\n$/);
  });

  it('refuses a .planrc.json files entry that is absolute or goes up with ..', async () => {
    for (const entry of ['../other/*.md', 'plans/../../x.md', '/etc/*.md']) {
      const f = folder({ 'repo/.git/HEAD': 'x\n', 'repo/plans/a.md': '- [ ] A-1 Ours\n', 'repo/.planrc.json': JSON.stringify({ files: [entry] }) });
      const r = await runCli(['list'], { cwd: join(f.dir, 'repo') });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^plan: \\S+\\.planrc\\.json: "files" entry ${JSON.stringify(entry).replace(/[.*/]/g, '\\$&')} must be relative to the \\.planrc\\.json folder, without "\\.\\."; to read other files pass -f\n$`,
        ),
      );
    }
  });

  it('takes [ and { in a path as themselves, not as a glob', async () => {
    const f = folder({ 'plans/a[1].md': '- [ ] A-1 Bracketed\n', 'plans/b{2}.md': '- [ ] B-1 Braced\n' });
    const missing = await f.run(['-f', 'plans/nope[1].md', 'list']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('plan: plans/nope[1].md: no such file; check the path, or pass -f <file> / set PLAN_FILE\n');
    const r = await f.run(['-f', 'plans/a[1].md', '-f', 'plans/b{2}.md', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(ids(r.stdout)).toEqual(['A-1', 'B-1']);
  });

  it('says so when a folder holds no Markdown file', async () => {
    const f = folder({ 'empty/readme.txt': 'x\n' });
    const r = await f.run(['-f', 'empty', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: -f empty: no Markdown files there; pass plan files, a folder that holds some, or a glob\n');
  });

  it('matches globs segment by segment', () => {
    expect(globMatches('*.md', 'a.md')).toBe(true);
    expect(globMatches('*.md', 'sub/a.md')).toBe(false);
    expect(globMatches('**/*.md', 'a/b/c.md')).toBe(true);
    expect(globMatches('**/*.md', 'c.md')).toBe(true);
    expect(globMatches('s?rint*.md', 'sprint12.md')).toBe(true);
    expect(globMatches('a*b*c*d', `${'a'.repeat(5000)}x`)).toBe(false);
  });

  it('matches many ** against a deep path without trying every split (it used to be exponential)', () => {
    const deep = `${Array.from({ length: 40 }, (_, i) => `d${i}`).join('/')}/plan.md`;
    const pattern = Array.from({ length: 12 }, () => '**/x*').join('/');
    expect(globMatches(pattern, deep)).toBe(false);
    expect(globMatches(`${pattern}/**/*.md`, deep.replace(/d(\d+)/g, 'x$1'))).toBe(true);
    expect(globMatches('**/**/**/**/**/**/**/**/**/**/**/**/*.txt', deep)).toBe(false);
  });

  it('walks a folder at most 32 levels deep', async () => {
    const deep = `${Array.from({ length: 40 }, (_, i) => `d${i}`).join('/')}`;
    const f = folder({
      'plans/a.md': '- [ ] A-1 Top\n',
      [`plans/${deep}/z.md`]: '- [ ] Z-1 Too deep\n',
      [`plans/${deep.split('/').slice(0, 31).join('/')}/y.md`]: '- [ ] Y-1 Deep\n',
    });
    const r = await f.run(['-f', 'plans', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(ids(r.stdout)).toEqual(['A-1', 'Y-1']);
  });
});

describe('reading a plan of several files', () => {
  it('lists one file that cannot be read on stderr, the rest on stdout, and exits 1', async () => {
    const f = folder({ ...PLAN, 'plans/broken.md': Buffer.from([0x2d, 0x20, 0x00, 0x01]) });
    const r = await f.run(['-f', 'plans', 'list', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('plan: plans/broken.md: looks like a binary file (it contains NUL bytes), not a Markdown plan; pass the right file with -f\n');
    expect(ids(r.stdout)).toHaveLength(5);
  });

  it('groups the terminal list by file, then heading; piped output ends with the file', async () => {
    const f = folder(PLAN);
    const tty = await runCli(['-f', 'plans', 'list'], { cwd: f.dir, isTTY: true, columns: 80 });
    expect(tty.stdout).toContain('plans/sprint1.md › Sprint 1\n');
    expect(tty.stdout.indexOf('plans/sub/sprint2.md › Sprint 2')).toBeGreaterThan(tty.stdout.indexOf('Write parser'));
    const piped = await f.run(['-f', 'plans', 'list']);
    expect(piped.stdout.split('\n')[0]!.split('\t').at(-1)).toBe('file');
    expect(piped.stdout.split('\n')[1]!.split('\t').at(-1)).toBe('plans/sprint1.md');
  });

  it('names a repeated id with its file; a bare one is refused with the choices; --in picks', async () => {
    const f = folder(PLAN);
    const bare = await f.run(['-f', 'plans', 'show', '1.1']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe('plan: plans/: "1.1" names a task in several files; name one (sprint1.md#1.1, sprint2.md#1.1) or pass --in <file>\n');
    const named = await f.run(['-f', 'plans', 'show', 'sprint2.md#1.1', '--json']);
    expect(JSON.parse(named.stdout).task).toMatchObject({ title: 'Design API', file: 'plans/sub/sprint2.md' });
    const picked = await f.run(['-f', 'plans', 'show', '1.1', '--in', 'sprint1.md', '--json']);
    expect(JSON.parse(picked.stdout).task.title).toBe('Set up repo');
    const unique = await f.run(['-f', 'plans', 'show', 'A-1', '--json']);
    expect(JSON.parse(unique.stdout).task.title).toBe('Wire it');
    const wrong = await f.run(['-f', 'plans', 'list', '--in', 'nope.md']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('plan: --in nope.md is no file of the plan (its files: plans/sprint1.md, plans/sub/sprint2.md)\n');
  });

  it('resolves dependencies across files: by file#id and by an id unique in the plan', async () => {
    const f = folder(PLAN);
    // A-1 waits on sprint2.md#1.1 (pending); sprint2's 1.2 waits on A-1.
    const ready = await f.run(['-f', 'plans', 'ready', '--json']);
    expect(ids(ready.stdout)).toEqual(['sprint1.md#1.2', 'sprint2.md#1.1']);
    const deps = await f.run(['-f', 'plans', 'show', 'A-1', '--json']);
    expect(JSON.parse(deps.stdout).dependencies).toEqual([
      { ref: 'sprint2.md#1.1', resolved: true, tasks: [expect.objectContaining({ id: 'sprint2.md#1.1' })] },
    ]);
    await f.run(['-f', 'plans', 'set', 'sprint2.md#1.1', 'done']);
    expect(ids((await f.run(['-f', 'plans', 'ready', '--json'])).stdout)).toEqual(['sprint1.md#1.2', 'A-1']);
  });

  it('summary has a group per file, its headings below it; board spans the files', async () => {
    const f = folder(PLAN);
    const s = await f.run(['-f', 'plans', 'summary', '--json']);
    expect(s.code, s.stderr).toBe(0);
    const json = JSON.parse(s.stdout) as { groups: { name: string; kind: string; depth: number; done: number; total: number }[]; total: { total: number } };
    expect(json.groups.map((g) => [g.depth, g.kind, g.name, g.done, g.total])).toEqual([
      [0, 'file', 'plans/sprint1.md', 1, 3],
      [1, 'sprint', 'Sprint 1', 1, 3],
      [0, 'file', 'plans/sub/sprint2.md', 0, 2],
      [1, 'sprint', 'Sprint 2', 0, 2],
    ]);
    expect(json.total.total).toBe(5);
    const b = await f.run(['-f', 'plans', 'board', '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('Design API');
    expect(b.stdout).toContain('Write parser');
  });

  it('show --explain reads the task in its own file', async () => {
    const f = folder(PLAN);
    const r = await f.run(['-f', 'plans', 'show', 'A-1', '--explain', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).explain.block).toEqual({ type: 'row', line: 7, table: 3 });
  });
});

describe('writing a plan of several files', () => {
  it('set changes only the file that holds the task', async () => {
    const f = folder(PLAN);
    const r = await f.run(['-f', 'plans', 'set', 'sprint2.md#1.1', 'done']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('id\tchange\tfile\tline\nsprint2.md#1.1\tpending → done\tplans/sub/sprint2.md\t5\n');
    expect(f.read('plans/sub/sprint2.md').toString()).toBe(SPRINT2.replace('| 1.1 | Design API | pending |', '| 1.1 | Design API | done |'));
    expect(f.read('plans/sprint1.md').toString()).toBe(SPRINT1);
    expect(f.read('plans/notes.md').toString()).toBe(NOTES);
  });

  it('edit and set by a unique id or with --in write that file alone', async () => {
    const f = folder(PLAN);
    expect((await f.run(['-f', 'plans', 'edit', '1.2', '--in', 'sprint1.md', '--title', 'Write the parser'])).code).toBe(0);
    expect((await f.run(['-f', 'plans', 'set', 'A-1', 'in-progress'])).code).toBe(0);
    expect(f.read('plans/sprint1.md').toString()).toBe(
      SPRINT1.replace('Write parser', 'Write the parser').replace('| A-1 | Wire it | pending |', '| A-1 | Wire it | in progress |'),
    );
    expect(f.read('plans/sub/sprint2.md').toString()).toBe(SPRINT2);
  });

  it('add needs --in to say which file; the task goes there', async () => {
    const f = folder(PLAN);
    const refused = await f.run(['-f', 'plans', 'add', 'Ship it']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('plan: plans/: the plan is 2 files; say which one the task goes to with --in <file>\n');
    const r = await f.run(['-f', 'plans', 'add', 'Ship it', '--in', 'sprint2.md', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(f.read('plans/sub/sprint2.md').toString()).toBe(`${SPRINT2}| 1.3 | Ship it | pending |  |\n`);
    expect(f.read('plans/sprint1.md').toString()).toBe(SPRINT1);
  });

  it('next --claim picks across the files and writes the file of the task it takes', async () => {
    const f = folder({ 'a.md': '- [x] A-1 Done already\n', 'b.md': '- [ ] B-1 Open work\n' });
    const r = await f.run(['-f', 'a.md', '-f', 'b.md', 'next', '--claim', '--owner', 'bob', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).task.id).toBe('B-1');
    expect(f.read('a.md').toString()).toBe('- [x] A-1 Done already\n');
    expect(f.read('b.md').toString()).not.toBe('- [ ] B-1 Open work\n');
  });

  it('next --claim and add --in name the task as the plan does when another file has its id', async () => {
    const f = folder({ 'a.md': '- [x] 1.1 Done already\n', 'b.md': '- [ ] 1.1 Open work\n' });
    const claimed = await f.run(['-f', 'a.md', '-f', 'b.md', 'next', '--claim', '--owner', 'bob', '--json']);
    expect(claimed.code, claimed.stderr).toBe(0);
    expect(JSON.parse(claimed.stdout).task.id).toBe('b.md#1.1');
    const table = (rows: string) => `| ID | Task | Status |\n|----|------|--------|\n${rows}`;
    const g = folder({ 'a.md': table('| 1.1 | One | pending |\n'), 'b.md': table('| 1.1 | One | pending |\n| 1.2 | Two | pending |\n') });
    const added = await g.run(['-f', 'a.md', '-f', 'b.md', 'add', 'New', '--in', 'a.md', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).task.id).toBe('a.md#1.2');
    expect(g.read('a.md').toString()).toBe(table('| 1.1 | One | pending |\n| 1.2 | New | pending |\n'));
    const unique = await g.run(['-f', 'a.md', '-f', 'b.md', 'add', 'Newer', '--in', 'b.md', '--json']);
    expect(JSON.parse(unique.stdout).task.id).toBe('1.3');
  });

  it('undo takes back the last write to any file of the plan, then the one before it', async () => {
    const f = folder(PLAN);
    expect((await f.run(['-f', 'plans', 'set', 'A-1', 'done'])).code).toBe(0);
    expect((await f.run(['-f', 'plans', 'set', 'sprint2.md#1.2', 'done'])).code).toBe(0);
    const first = await f.run(['-f', 'plans', 'undo']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Undid `plan set "sprint2\.md#1\.2" done` at .* in plans\/sub\/sprint2\.md\n$/);
    expect(f.read('plans/sub/sprint2.md').toString()).toBe(SPRINT2);
    expect(f.read('plans/sprint1.md').toString()).not.toBe(SPRINT1);
    expect((await f.run(['-f', 'plans', 'undo'])).code).toBe(0);
    expect(f.read('plans/sprint1.md').toString()).toBe(SPRINT1);
    const list = await f.run(['-f', 'plans', 'undo', '--list']);
    expect(list.code).toBe(2);
  });
});

describe('completion of a plan of several files', () => {
  it('offers the ids as list shows them', async () => {
    const f = folder(PLAN);
    const r = await f.run(['-f', 'plans', '__complete-ids']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('sprint1.md#1.1\tSet up repo\nsprint1.md#1.2\tWrite parser\nA-1\tWire it\nsprint2.md#1.1\tDesign API\nsprint2.md#1.2\tBuild API\n');
  });
});

describe('a plan with a file that cannot be read', () => {
  const A = '- [ ] 1.2 Task in a\n';
  const B = `- [ ] 1.2 Task in b, a long enough title to pass the limit ${'x'.repeat(80)}\n`;
  const REFUSED =
    ': cannot be read, and a write needs every file of the plan to know which task an id names; nothing written: fix it (plan list says why), or name the file to write with -f <file>\n';

  it('refuses a write (set, edit, add, next --claim), changing no file', async () => {
    const f = folder({ 'plans/a.md': A, 'plans/sub/b.md': B });
    const env = { PLAN_MAX_BYTES: '130' };
    for (const args of [
      ['-f', 'plans', 'set', '1.2', 'done'],
      ['-f', 'plans', 'edit', '1.2', '--title', 'x'],
      ['-f', 'plans', 'add', 'New', '--in', 'a.md'],
      ['-f', 'plans', 'next', '--claim', '--owner', 'bob'],
    ]) {
      const r = await f.run(args, env);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`plan: plans/sub/b.md${REFUSED}`);
    }
    expect(f.read('plans/a.md').toString()).toBe(A);
    expect(f.read('plans/sub/b.md').toString()).toBe(B);
    const list = await f.run(['-f', 'plans', 'list', '--json'], env);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/^plan: plans\/sub\/b\.md: [^\n]*\n$/);
    expect(ids(list.stdout)).toEqual(['1.2']);
    for (const args of [['show', '1.2'], ['summary'], ['board'], ['ready'], ['next'], ['deps']]) {
      const r = await f.run(['-f', 'plans', ...args, '--json'], env);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/^plan: plans\/sub\/b\.md: [^\n]*\n$/);
      expect(r.stdout, args.join(' ')).not.toBe('');
    }
  });

  it('refuses a write when a file $PLAN_FILE names is missing', async () => {
    const f = folder({ 'plans/a.md': A });
    const r = await f.run(['set', '1.2', 'done'], { PLAN_FILE: 'plans/a.md:plans/missing.md' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`plan: plans/missing.md${REFUSED}`);
    expect(f.read('plans/a.md').toString()).toBe(A);
  });
});
