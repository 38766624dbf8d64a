// A to-do list kept in the front matter (Cursor's plan files: `todos:` entries of `id`, `content`, `status`): each
// entry is a task on its `- ` line, grouped under the plan's `name`. `set` rewrites the `status:` value in the words the
// list uses (else Cursor's: completed, in_progress, pending, cancelled), a claim adds or rewrites an `owner:` key, and
// everything else (a title, a status with no word, a list whose lines do not match its YAML) is refused or not read.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function planFile(text: string): string {
  const path = join(tmp.dir, `todos-${n++}.md`);
  writeFileSync(path, text);
  return path;
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');
const PLAN = doc(
  '---',
  'name: Billing Rework',
  'overview: Move invoices to the new ledger.',
  'todos:',
  '  - id: ledger-schema',
  '    content: Add the ledger tables and a migration',
  '    status: completed',
  '  - id: api',
  '    content: "Invoice API: read from the ledger"',
  '    status: in_progress',
  '  - id: ui',
  '    content: Show ledger lines on the invoice page',
  '    status: pending # next',
  '  - id: old-path',
  '    content: Remove the old invoice path',
  '    status: cancelled',
  'isProject: false',
  '---',
  '',
  '# Billing Rework',
  '',
  'Tables first, then the API.',
);

interface Listed {
  id: string;
  title: string;
  status: string;
  line: number;
  group: string | null;
  owner: string | null;
}

async function tasks(path: string): Promise<Listed[]> {
  const r = await runCli(['-f', path, '--json', 'list']);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return (JSON.parse(r.stdout) as { tasks: Listed[] }).tasks.map(({ id, title, status, line, group, owner }) => ({ id, title, status, line, group, owner }));
}

describe("the front matter's to-do list", () => {
  it('reads each entry as a task: id, title (quotes resolved), status words, its line, the plan name as group', async () => {
    expect(await tasks(planFile(PLAN))).toEqual([
      { id: 'ledger-schema', title: 'Add the ledger tables and a migration', status: 'done', line: 5, group: 'Billing Rework', owner: null },
      { id: 'api', title: 'Invoice API: read from the ledger', status: 'in-progress', line: 8, group: 'Billing Rework', owner: null },
      { id: 'ui', title: 'Show ledger lines on the invoice page', status: 'pending', line: 11, group: 'Billing Rework', owner: null },
      { id: 'old-path', title: 'Remove the old invoice path', status: 'cancelled', line: 14, group: 'Billing Rework', owner: null },
    ]);
  });

  it('reads `tasks:` with `title`, `owner` and no ids as well, and nothing from a list whose entries hold no title', async () => {
    const path = planFile(doc('---', 'tasks:', '- title: Write the parser', '  owner: ana', '  status: done', '- title: Ship it', '---', '', '# Plan'));
    const read = await tasks(path);
    expect(read.map(({ title, status, owner }) => ({ title, status, owner }))).toEqual([
      { title: 'Write the parser', status: 'done', owner: 'ana' },
      { title: 'Ship it', status: 'none', owner: null },
    ]);
    expect(read.every((t) => t.id.startsWith('@'))).toBe(true);
    const none = await runCli(['-f', planFile(doc('---', 'todos:', '  - id: a', '    when: later', '---', '', '- [ ] Real task')), '--json', 'list']);
    expect((JSON.parse(none.stdout) as { tasks: Listed[] }).tasks.map((t) => t.title)).toEqual(['Real task']);
  });

  it('reads a named list of work (`phases:` of `name` and `status`) under its key, and not a list whose statuses say none', async () => {
    const path = planFile(
      doc(
        '---',
        'project: Probe',
        'phases:',
        '  - id: 0',
        '    name: Bootstrap',
        '    status: complete',
        '  - id: 1',
        '    name: Shell',
        '    status: pending',
        '---',
        '',
      ),
    );
    expect((await tasks(path)).map(({ id, title, status, group }) => ({ id, title, status, group }))).toEqual([
      { id: '0', title: 'Bootstrap', status: 'done', group: 'phases' },
      { id: '1', title: 'Shell', status: 'pending', group: 'phases' },
    ]);
    // A list of people whose statuses say `active` (in progress, read alone) and `inactive` is no plan: claims go past it.
    const people = planFile(
      doc('---', 'authors:', '  - name: Ana', '    status: active', '  - name: Bo', '    status: inactive', '---', '', '- [ ] Real task'),
    );
    expect((await tasks(people)).map((t) => t.title)).toEqual(['Real task']);
  });

  it('sets a status by rewriting only the value of its `status:` key, in the list own words, else Cursor words', async () => {
    const path = planFile(PLAN);
    const done = await runCli(['-f', path, 'set', 'ui', 'done']);
    expect([done.code, done.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('status: pending # next', 'status: completed # next'));
    const back = await runCli(['-f', path, 'set', 'ui', 'pending']);
    expect([back.code, back.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
    // No entry says in progress in this list yet but `api`: set another, then `api` back to done.
    await runCli(['-f', path, 'set', 'api', 'done']);
    const wip = await runCli(['-f', path, 'set', 'old-path', 'in-progress']);
    expect(wip.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      PLAN.replace('"Invoice API: read from the ledger"\n    status: in_progress', '"Invoice API: read from the ledger"\n    status: completed').replace(
        'status: cancelled',
        'status: in_progress',
      ),
    );
  });

  it('refuses a status the list has no word for, a title edit and a list entry with no status, the file untouched', async () => {
    const path = planFile(PLAN);
    const blocked = await runCli(['-f', path, 'set', 'ui', 'blocked']);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(
      /^plan: .*todos-\d+\.md:11: task ui is an entry of the front matter's to-do list, and the list has no word for blocked .*nothing was written\n$/,
    );
    const edit = await runCli(['-f', path, 'edit', 'ui', '--title', 'Other']);
    expect(edit.code).toBe(1);
    expect(edit.stderr).toMatch(/task ui is an entry of the front matter's to-do list; plan edit changes table rows and list items only/);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
    const bare = planFile(doc('---', 'todos:', '  - id: a', '    content: Do it', '---', ''));
    const set = await runCli(['-f', bare, 'set', 'a', 'done']);
    expect([set.code, set.stderr.includes('whose `status:` is missing or not written plainly on one line; nothing was written')]).toEqual([1, true]);
  });

  it('claims a task: the status, and an `owner:` key after the entry (or its value rewritten)', async () => {
    const path = planFile(PLAN);
    const claim = await runCli(['-f', path, 'next', '--claim', '--owner', 'ana']);
    expect(claim.code).toBe(0);
    const claimed = PLAN.replace('status: pending # next', 'status: in_progress # next\n    owner: ana');
    expect(readFileSync(path, 'utf8')).toBe(claimed);
    expect((await tasks(path)).find((t) => t.id === 'ui')?.owner).toBe('ana');
    const again = await runCli(['-f', path, 'set', 'ui', 'done', '--owner', 'bob']);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(claimed.replace('in_progress # next\n    owner: ana', 'completed # next\n    owner: bob'));
  });

  it('does not read a list whose lines it cannot match to its YAML (flow style), nor splice a value YAML reads otherwise', async () => {
    const flow = planFile(doc('---', 'todos: [{id: a, content: Do it, status: pending}]', '---', '', '# Plan'));
    const r = await runCli(['-f', flow, '--json', 'list']);
    expect((JSON.parse(r.stdout) as { tasks: Listed[] }).tasks).toEqual([]);
    // Said on stderr, and by `plan check`, never skipped silently.
    expect(r.stderr).toMatch(/^plan: warning: .*:2: the front matter's `todos:` list was not read/);
    const check = await runCli(['-f', flow, 'check']);
    expect(check.stdout).toMatch(/:2:1 warning the front matter's `todos:` list was not read/);
    const escaped = planFile(doc('---', 'todos:', '  - id: a', '    content: "Say \\"hi\\""', '    status: "pen\\x64ing"', '---', ''));
    expect((await tasks(escaped)).map((t) => [t.title, t.status])).toEqual([['Say "hi"', 'pending']]);
    const set = await runCli(['-f', escaped, 'set', 'a', 'done']);
    expect([set.code, /not written plainly/.test(set.stderr)]).toEqual([1, true]);
  });

  it('writes the owner key the reader reads, at the entry own column, never a nested or another key', async () => {
    const nested = doc(
      '---',
      'todos:',
      '  - id: a',
      '    content: Alpha',
      '    status: pending',
      '    notes: |',
      '      Steps:',
      '      - owner: alice signs off',
      '---',
      '',
    );
    const path = planFile(nested);
    expect((await runCli(['-f', path, 'next', '--claim', '--owner', 'bob'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(nested.replace('status: pending\n', 'status: in_progress\n    owner: bob\n'));
    const both = doc('---', 'todos:', '  - agent: robo', '    owner: ann', '    content: Alpha', '    status: pending', '---', '');
    const second = planFile(both);
    expect((await runCli(['-f', second, 'set', 'Alpha', 'in-progress', '--owner', 'bob'])).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(both.replace('owner: ann', 'owner: bob').replace('status: pending', 'status: in_progress'));
    const empty = doc('---', 'todos:', '  - content: Alpha', '    owner:', '    status: pending', '---', '');
    const third = planFile(empty);
    expect((await runCli(['-f', third, 'next', '--claim', '--owner', 'bob'])).code).toBe(0);
    expect(readFileSync(third, 'utf8')).toBe(empty.replace('owner:\n', 'owner: bob\n').replace('status: pending', 'status: in_progress'));
    // A block scalar that keeps its blank lines (`|+`) as the last key: the owner goes under the status, above it.
    const kept = doc('---', 'todos:', '  - status: pending', '    content: |+', '      Alpha', '', '---', '');
    const fourth = planFile(kept);
    expect((await runCli(['-f', fourth, 'next', '--claim', '--owner', 'bob'])).code).toBe(0);
    expect(readFileSync(fourth, 'utf8')).toBe(kept.replace('  - status: pending\n', '  - status: in_progress\n    owner: bob\n'));
  });

  it("takes a status word from the entry's own list only, and reads no list whose key also opens a line inside a string", async () => {
    const two = doc(
      '---',
      'todos:',
      '  - id: a',
      '    content: Alpha',
      '    status: "pending"',
      'phases:',
      '  - name: One',
      '    status: active',
      '  - name: Two',
      '    status: done',
      '---',
      '',
    );
    const path = planFile(two);
    expect((await runCli(['-f', path, 'set', 'a', 'in-progress'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(two.replace('"pending"', '"in_progress"'));
    const hidden = doc('---', 'note: "x', 'todos:', '- id: a', '"', 'todos:', '- content: Real', '  status: pending', '---', '', '- [ ] Body task');
    const r = await runCli(['-f', planFile(hidden), '--json', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^plan: warning: .*todos-\d+\.md:3: the front matter's `todos:` list was not read .*its entries are no tasks\n$/);
    expect((JSON.parse(r.stdout) as { tasks: Listed[] }).tasks.map((t) => t.title)).toEqual(['Body task']);
  });

  it('adds a task as an entry after the list last, with its keys, a slug id and a quoted title where YAML needs one', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'add', 'Write the docs: API and UI']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const entry = '\n  - id: write-the-docs-api-and\n    content: "Write the docs: API and UI"\n    status: pending';
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('    status: cancelled', `    status: cancelled${entry}`));
    const wip = await runCli(['-f', path, 'add', 'Ship', '--status', 'in-progress', '--owner', 'ana']);
    expect(wip.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain(`${entry}\n  - id: ship\n    content: Ship\n    status: in_progress\n    owner: ana\n`);
    const notes = await runCli(['-f', path, 'add', 'Other', '--notes', 'why']);
    expect([notes.code, /leave out --notes/.test(notes.stderr)]).toEqual([1, true]);
    // A numbered list takes the next number; a plan with a task list in its body adds there, as before.
    const phases = planFile(doc('---', 'phases:', '  - id: 0', '    name: Bootstrap', '    status: complete', '---', ''));
    expect((await runCli(['-f', phases, 'add', 'Shell'])).code).toBe(0);
    expect(readFileSync(phases, 'utf8')).toBe(
      doc('---', 'phases:', '  - id: 0', '    name: Bootstrap', '    status: complete', '  - id: 1', '    name: Shell', '    status: pending', '---', ''),
    );
    const body = planFile(PLAN.replace('Tables first, then the API.', '- [ ] Body task'));
    expect((await runCli(['-f', body, 'add', 'Second body task'])).code).toBe(0);
    expect(readFileSync(body, 'utf8').endsWith('- [ ] Body task\n- [ ] Second body task\n')).toBe(true);
  });

  it("reads an entry's `dependencies:` (a block list or a flow list) as what it waits on: ready and check follow them", async () => {
    const path = planFile(
      doc(
        '---',
        'todos:',
        '  - id: schema',
        '    content: Add the schema',
        '    status: completed',
        '  - id: api',
        '    content: Build the API',
        '    status: pending',
        '    dependencies:',
        '      - schema',
        '  - id: ui',
        '    content: Build the UI',
        '    status: pending',
        '    dependencies: [api, schema]',
        '  - id: ghost',
        '    content: Wire it',
        '    status: pending',
        '    dependencies: [nowhere]',
        '---',
        '',
      ),
    );
    const r = await runCli(['-f', path, '--json', 'list']);
    const read = (JSON.parse(r.stdout) as { tasks: { id: string; dependsOn: string[] }[] }).tasks.map((t) => [t.id, t.dependsOn]);
    expect(read).toEqual([
      ['schema', []],
      ['api', ['schema']],
      ['ui', ['api', 'schema']],
      ['ghost', ['nowhere']],
    ]);
    const ready = await runCli(['-f', path, '--json', 'ready']);
    expect((JSON.parse(ready.stdout) as { tasks: { id: string }[] }).tasks.map((t) => t.id)).not.toContain('ui');
    const check = await runCli(['-f', path, 'check']);
    expect(check.stdout).toMatch(/:18:\d+ warning task ghost depends on "nowhere", which names no task/);
  });
});
