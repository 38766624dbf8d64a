// Words the reader keeps out of a task's title (a status after it, a dependency, a tag, an issue number) are the
// user's text all the same: `edit --title` replaces the title's words and keeps them, and `set --owner` on an item
// whose status follows its words rewrites that status where it is (no second mark at the front). An owner option
// with no name is refused (a claim for no one took the task).
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

/** A plan of `first` then a task T-9; the path and the first task's id. */
async function planWith(first: string): Promise<{ path: string; id: string }> {
  const path = join(tmp.dir, `hidden-${n++}.md`);
  writeFileSync(path, `# Plan\n\n${first}\n- T-9 Base\n`);
  const r = await runCli(['-f', path, '--json', 'list']);
  expect(r.code).toBe(0);
  return { path, id: (JSON.parse(r.stdout) as { tasks: { id: string }[] }).tasks[0]!.id };
}

async function first(path: string): Promise<{ id: string; title: string; status: string; owner: string | null; dependsOn?: string[] }> {
  return (JSON.parse((await runCli(['-f', path, '--json', 'list'])).stdout) as { tasks: never[] }).tasks[0]!;
}

describe('edit --title keeps the words the title does not show', () => {
  it.each([
    ['- [ ] Build it (DONE)', '- [ ] Make it (DONE)'],
    ['- [ ] Wire it (depends on T-9)', '- [ ] Make it (depends on T-9)'],
    ['- [ ] Wire it (depends on T-9) — after the demo', '- [ ] Make it (depends on T-9) — after the demo'],
    ['- [ ] Wire it ⛔ T-9', '- [ ] Make it ⛔ T-9'],
    ['- [ ] Fix the parser #backend +pai', '- [ ] Make it #backend +pai'],
    ['- [ ] Chat sidebar (#28)', '- [ ] Make it (#28)'],
    ['- [x] Plan it <!-- c --> (depends on T-9)', '- [x] Make it <!-- c --> (depends on T-9)'],
    ['- [ ] Wire it (depends on T-9) #api', '- [ ] Make it (depends on T-9) #api'],
    ['- [ ] [CI] Wire it #api', '- [ ] [CI] Make it #api'],
  ])('%s', async (line, want) => {
    const { path, id } = await planWith(line);
    const before = await first(path);
    const r = await runCli(['-f', path, 'edit', id, '--title', 'Make it']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(`# Plan\n\n${want}\n- T-9 Base\n`);
    const after = await first(path);
    expect(after).toEqual({ ...before, id: after.id, title: 'Make it' });
  });

  it('refuses a title whose dependency stands inside its words, the file untouched', async () => {
    const { path, id } = await planWith('- [ ] Wire (after T-9) it');
    const text = readFileSync(path, 'utf8');
    const r = await runCli(['-f', path, 'edit', id, '--title', 'Make it']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dependencies stand inside its title's words; nothing was written/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('edit --title with words the reader would keep out of the title', () => {
  it.each([['Fix crash (#28)'], ['Wire it #backend'], ['Make it (DONE)']])(
    '%s is refused on one line, exit 1, the file untouched (it would read as other words, or write them twice)',
    async (title) => {
      const { path, id } = await planWith('- [ ] Fix crash (#28)');
      const text = readFileSync(path, 'utf8');
      const r = await runCli(['-f', path, 'edit', id, '--title', title]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^plan: .*: the title ".*" would read as ".*" \(plan keeps statuses, dependencies, tags and issue numbers out of a title\); nothing was written, give the title's words only\n$/,
      );
      expect(readFileSync(path, 'utf8')).toBe(text);
    },
  );
});

describe('edit --title on a title followed by hundreds of alternating tags and comments', () => {
  it('is refused in one line, exit 1, the file untouched (peeling them one layer at a time would read the line again and again)', async () => {
    const tail = Array.from({ length: 300 }, (_, i) => ` #t${i} <!-- c${i} -->`).join('');
    const { path } = await planWith(`- [ ] T-1 Wire it${tail}`);
    const text = readFileSync(path, 'utf8');
    const r = await runCli(['-f', path, 'edit', 'T-1', '--title', 'New']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: .*: cannot find the words of task T-1's title among what follows them; edit the line by hand\n$/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('edit --title with dependencies of its own', () => {
  it('replaces the old dependency marks with its words: the task waits on what the new title says', async () => {
    const { path, id } = await planWith('- [ ] Wire it (depends on T-9)');
    const r = await runCli(['-f', path, 'edit', id, '--title', 'Make it (after T-8)']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe('# Plan\n\n- [ ] Make it (after T-8)\n- T-9 Base\n');
    expect(await first(path)).toMatchObject({ title: 'Make it', dependsOn: ['T-8'] });
  });
});

describe('edit --title that would read back otherwise', () => {
  it.each([
    ['- [ ] T-1 Wire it', 'Login — phase two', /would read back as "Login", notes "phase two", not as given/],
    ['- [ ] T-1 Wire it', 'Use #hash in middle', /would read back as "Use #hash in middle", tags \["hash"\], not as given/],
    ['- [ ] T-1 Wire it (DONE) #api', 'Make it', /would read back as "Make it \(DONE\)", not as given/],
  ])('%s with %j is refused, exit 1, the file untouched', async (line, title, message) => {
    const { path } = await planWith(line);
    const text = readFileSync(path, 'utf8');
    const r = await runCli(['-f', path, 'edit', 'T-1', '--title', title]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('in a table too: a title cell that would read as other words is refused', async () => {
    const path = join(tmp.dir, `hidden-${n++}.md`);
    const text = '| ID | Task | Status |\n|---|---|---|\n| T-1 | Wire it (#28) | todo |\n';
    writeFileSync(path, text);
    const r = await runCli(['-f', path, 'edit', 'T-1', '--title', 'New (#12)']);
    expect(r.code).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('set with --owner on an item whose status follows its words', () => {
  it.each([
    ['- Build the form ✅', 'pending', '- Build the form ⏳ @ana'],
    ['- Build the form ✅ @bo', 'in-progress', '- Build the form 🔄 @ana'],
    ['- Build the form — cancelled', 'done', '- Build the form — done @ana'],
  ])('%s → %s', async (line, to, want) => {
    const { path, id } = await planWith(line);
    const r = await runCli(['-f', path, 'set', id, to, '--owner', 'ana']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(`# Plan\n\n${want}\n- T-9 Base\n`);
    expect(await first(path)).toMatchObject({ title: 'Build the form', status: to, owner: 'ana' });
  });
});

describe('an owner option with no name', () => {
  it.each([[['next', '--claim', '--owner', ' ']], [['set', 'T-9', 'done', '--owner', '  ']]])(
    '%j is a usage error on one line, exit 2, nothing written',
    async (args) => {
      const { path } = await planWith('- [ ] Build it');
      const text = readFileSync(path, 'utf8');
      const r = await runCli(['-f', path, ...args]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/^plan: --owner needs a name; use `plan edit <id> --owner ""` to clear an owner\n$/);
      expect(readFileSync(path, 'utf8')).toBe(text);
    },
  );
});
