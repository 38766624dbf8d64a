// Bad input gets one clear line on stderr and the right exit code, never a crash.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';

const t = tempDir();
afterAll(() => t.cleanup());
const file = (name: string, content: string | Buffer) => {
  const p = join(t.dir, name);
  writeFileSync(p, content);
  return p;
};
const TABLE = '| # | Task | Status |\n|---|---|---|\n| 1 | a | ✅ Done |\n';

function oneLine(stderr: string) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  return lines[0]!;
}

describe('bad input', () => {
  it('a missing file: exit 1, names the file and what to do', async () => {
    const r = await cli(['-f', join(t.dir, 'nope.md'), 'list']);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/^plan: .*nope\.md: no such file; .*-f <file>/);
  });

  it('a directory without Markdown files (a folder is a plan of the Markdown files below it)', async () => {
    const empty = tempDir();
    const r = await cli(['-f', empty.dir, 'list']);
    empty.cleanup();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^plan: -f .*: no Markdown files there; pass plan files, a folder that holds some, or a glob$/);
  });

  it('an empty file: no tasks, said on stderr, exit 0', async () => {
    const r = await cli(['-f', file('empty.md', ''), 'list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks).toEqual([]);
    expect(oneLine(r.stderr)).toMatch(/empty\.md: .*no tasks found/);
  });

  it('a file with headings and prose but no tasks', async () => {
    const r = await cli(['-f', file('prose.md', '# Sprint 1\n\n## Week 2\n\nJust prose.\n'), 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('id\tkind\tstatus\ttitle\towner\tnotes\tsprint\tweek\tmonth\tphase\tline\tdue\tpriority\n');
    expect(oneLine(r.stderr)).toMatch(/no tasks found/);
  });

  it('a binary file', async () => {
    const r = await cli(['-f', file('bin.md', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0])), 'list']);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/bin\.md: looks like a binary file/);
  });

  it('invalid UTF-8: read, shown as U+FFFD, and said', async () => {
    const bytes = Buffer.concat([
      Buffer.from('| # | Task | Status |\n|---|---|---|\n| 1 | caf'),
      Buffer.from([0xe9, 0x20, 0xff]),
      Buffer.from(' | ✅ Done |\n'),
    ]);
    const p = file('latin.md', bytes);
    const r = await cli(['-f', p, 'list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks[0]).toMatchObject({ id: '1', title: 'caf\uFFFD \uFFFD', status: 'done' });
    expect(oneLine(r.stderr)).toMatch(/latin\.md: contains bytes that are not valid UTF-8; they are shown as \uFFFD/);
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });

  it('invalid YAML: reported with its line, the body still read', async () => {
    const r = await cli(['-f', file('yaml.md', `---\ntitle: ok\nbad: : :\n---\n${TABLE}`), 'list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks).toHaveLength(1);
    expect(oneLine(r.stderr)).toMatch(/^plan: warning: \S*yaml\.md:3: invalid YAML front matter/);
  });

  it('JavaScript front matter is never run', async () => {
    const marker = join(t.dir, 'PWNED');
    const js = `---js\n{ a: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\n${TABLE}`;
    for (const name of ['js.md', 'javascript.md']) {
      const r = await cli(['-f', file(name, name === 'js.md' ? js : js.replace('---js', '---javascript')), 'list', '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).tasks).toHaveLength(1);
      expect(oneLine(r.stderr)).toMatch(/front matter in "(js|javascript)" is not supported .*not evaluated/);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('a YAML alias bomb is never expanded', async () => {
    const levels = 'abcdefghij'.split('');
    let yaml = `${levels[0]}: &${levels[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
    for (let i = 1; i < levels.length; i++)
      yaml += `${levels[i]}: &${levels[i]} [${Array(9)
        .fill(`*${levels[i - 1]}`)
        .join(',')}]\n`;
    const r = await cli(['-f', file('bomb.md', `---\n${yaml}block:\n  label: x\n---\n${TABLE}`), 'list', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeLessThan(2000);
    expect(JSON.parse(r.stdout).tasks[0].id).toBe('1');
  });

  it('a 50 MB file is refused quickly with a clear message', async () => {
    const row = '| 1 | a task with a title that is long enough | ⏳ Pending |\n';
    const big = `| # | Task | Status |\n|---|---|---|\n${row.repeat(Math.ceil((50 * 1024 * 1024) / row.length))}`;
    const r = await cli(['-f', file('huge.md', big), 'list']);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/huge\.md: file is too large \(5\d\.\d MB; plan reads up to 16 MB\)/);
  });

  it('ragged rows keep what they have', async () => {
    const r = await cli(['-f', file('ragged.md', '| # | Task | Status |\n|---|---|---|\n| 1 | a | ✅ Done | extra |\n| 2 | b |\n'), 'list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      ['1', 'done'],
      ['2', 'none'],
    ]);
  });

  it('usage errors exit 2', async () => {
    const p = file('ok.md', TABLE);
    expect((await cli(['-f', p, 'list', '--bogus'])).code).toBe(2);
    expect((await cli(['-f', p, 'frobnicate'])).code).toBe(2);
    expect((await cli(['-f', p, 'show'])).code).toBe(2);
    const r = await cli(['-f', p, 'list', '--status', 'sideways']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/unknown status "sideways"/);
  });

  it('unknown and ambiguous ids exit 1 with suggestions and candidates', async () => {
    const p = file('ids.md', '## Sprint 8\n\n' + TABLE + '\n## Sprint 9\n\n' + TABLE);
    const unknown = await cli(['-f', p, 'show', '2']);
    expect(unknown.code).toBe(1);
    expect(oneLine(unknown.stderr)).toMatch(/no task with id "2"; did you mean 1\?/);
    const ambiguous = await cli(['-f', p, 'show', '1']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/id "1" matches 2 tasks; pick one with a filter flag/);
    expect(ambiguous.stderr).toMatch(/--sprint 8/);
    expect(ambiguous.stderr).toMatch(/--sprint 9/);
    expect((await cli(['-f', p, 'show', '1', '--sprint', '9', '--json'])).code).toBe(0);
  });

  it('add on a file with no task table says so, without naming a scope that was not given', async () => {
    for (const [name, text] of [
      ['empty.md', ''],
      ['prose-only.md', '# Plan\n\nJust prose.\n'],
    ] as const) {
      const p = file(`add-${name}`, text);
      const r = await cli(['-f', p, 'add', 'First task']);
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toBe(
        `plan: ${p}: the plan has no task table or task list to add to; start one (a header row like \`| # | Task | Status |\` and its \`|---|\` line, or a \`- [ ] \` item) first`,
      );
      expect(readFileSync(p, 'utf8')).toBe(text);
      const scoped = await cli(['-f', p, 'add', 'First task', '--week', '2']);
      expect(oneLine(scoped.stderr)).toMatch(/no task table or task list matches the scope given/);
    }
  });
});
