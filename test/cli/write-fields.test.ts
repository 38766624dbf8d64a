// plan add and plan edit --due, --priority, --tag, --untag: written in the
// file's own notation (a table's cells, Obsidian Tasks' or todo.txt's marks on
// an item), exact bytes on disk, with a fixed "today" (2025-03-12).
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const EPOCH = String(Date.UTC(2025, 2, 12, 12) / 1000);
let n = 0;

/** Runs plan on a fresh file holding `lines`; returns the result and the file's text after. */
async function run(lines: string[], ...args: string[]) {
  const file = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(file, lines.join('\n'));
  const r = await runCli(['-f', file, ...args, '--no-touch'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
  return { ...r, text: readFileSync(file, 'utf8') };
}

/** The reference `plan list` gives the task on `line` of a file holding `lines`. */
async function refAt(lines: string[], line: number): Promise<string> {
  const file = join(tmp.dir, `ref-${n++}.md`);
  writeFileSync(file, lines.join('\n'));
  const r = await runCli(['-f', file, 'list', '--json'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
  return JSON.parse(r.stdout).tasks.find((t: { line: number }) => t.line === line).id;
}

const TABLE = [
  '# Plan',
  '',
  '| ID | Task | Status | Due | Priority | Tags |',
  '|----|------|--------|-----|----------|------|',
  '| 1 | Alpha | pending | 2025-03-10 | Low | api |',
  '| 2 | Beta | pending |  | High | web, api |',
  '',
];

const OBSIDIAN = ['# Vault', '', '- [ ] Write docs 📅 2025-03-20', '- [ ] Call Bob ⏫', '- [x] Ship it ✅ 2025-03-01', ''];

const TODO_TXT = ['# Todo', '', '- [ ] (B) Call Mom +family due:2025-03-20', '- [ ] Renew passport +admin', ''];

describe('plan edit --due, --priority, --tag in a table', () => {
  it('writes the Due, Priority and Tags cells, the priority in the words the column uses', async () => {
    const r = await run(TABLE, 'edit', '2', '--due', 'tomorrow', '--priority', 'P3', '--tag', 'ops', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.text).toBe(TABLE.join('\n').replace('| 2 | Beta | pending |  | High | web, api |', '| 2 | Beta | pending | 2025-03-13 | Low | web, api, ops |'));
    expect(JSON.parse(r.stdout).task).toMatchObject({ id: '2', due: '2025-03-13', priority: 'Low', priorityLevel: 'low', tags: ['web', 'api', 'ops'] });
  });

  it('"" removes a date and a priority, --untag a tag', async () => {
    const r = await run(TABLE, 'edit', '1', '--due', '', '--priority', '', '--untag', 'api');
    expect(r.code).toBe(0);
    expect(r.text).toBe(TABLE.join('\n').replace('| 1 | Alpha | pending | 2025-03-10 | Low | api |', '| 1 | Alpha | pending |  |  |  |'));
  });

  it('refuses a field the table has no column for, in one line, writing nothing', async () => {
    const plain = ['| ID | Task | Status |', '|----|------|--------|', '| 1 | Alpha | pending |', ''];
    const r = await run(plain, 'edit', '1', '--due', '2025-04-01');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: \S*plan-\d+\.md:3: task 1's table has no Due column; add one, or leave out --due; nothing was written\n$/);
    expect(r.text).toBe(plain.join('\n'));
  });

  it('refuses a date that is not unambiguous ISO or today/tomorrow/+Nd (usage, exit 2)', async () => {
    for (const bad of ['03/04/2025', '2025-02-30', 'next friday']) {
      const r = await run(TABLE, 'edit', '1', '--due', bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--due takes a date written YYYY-MM-DD, today, tomorrow or +Nd/+Nw`);
      expect(r.text).toBe(TABLE.join('\n'));
    }
  });

  it("plan add fills the new row's Due, Priority and Tags cells (+3d from today)", async () => {
    const r = await run(TABLE, 'add', 'Gamma', '--due', '+3d', '--priority', 'high', '--tag', 'ops', '--tag', 'web');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.text).toBe([...TABLE.slice(0, -1), '| 3 | Gamma | pending | 2025-03-15 | High | ops, web |', ''].join('\n'));
  });
});

describe('plan edit --due, --priority, --tag on list items', () => {
  it("writes Obsidian Tasks' marks where the file uses them: a date changed in place, a new one after the description", async () => {
    const a = await run(OBSIDIAN, 'edit', await refAt(OBSIDIAN, 3), '--due', '2025-04-01', '--priority', 'highest', '--tag', 'docs');
    expect(a.stderr).toBe('');
    expect(a.text).toBe(OBSIDIAN.join('\n').replace('- [ ] Write docs 📅 2025-03-20', '- [ ] Write docs #docs 🔺 📅 2025-04-01'));
    const b = await run(OBSIDIAN, 'edit', await refAt(OBSIDIAN, 4), '--due', 'today', '--priority', '');
    expect(b.stderr).toBe('');
    expect(b.text).toBe(OBSIDIAN.join('\n').replace('- [ ] Call Bob ⏫', '- [ ] Call Bob 📅 2025-03-12'));
  });

  it('puts a new due date before the done date ✅, and removing it restores the line', async () => {
    const ship = await refAt(OBSIDIAN, 5);
    const r = await run(OBSIDIAN, 'edit', ship, '--due', '2025-02-27');
    expect(r.stderr).toBe('');
    const written = OBSIDIAN.join('\n').replace('- [x] Ship it ✅ 2025-03-01', '- [x] Ship it 📅 2025-02-27 ✅ 2025-03-01');
    expect(r.text).toBe(written);
    const file = join(tmp.dir, 'back.md');
    writeFileSync(file, written);
    const back = await runCli(['-f', file, 'edit', await refAt(written.split('\n'), 5), '--due', '', '--no-touch'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(back.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(OBSIDIAN.join('\n'));
  });

  it("writes todo.txt's due: and (A) on a todo.txt-style line, +project for a tag", async () => {
    const r = await run(TODO_TXT, 'edit', await refAt(TODO_TXT, 4), '--due', '2025-03-31', '--priority', 'highest', '--tag', 'urgent');
    expect(r.stderr).toBe('');
    expect(r.text).toBe(TODO_TXT.join('\n').replace('- [ ] Renew passport +admin', '- [ ] (A) Renew passport +admin +urgent due:2025-03-31'));
    const s = await run(TODO_TXT, 'edit', await refAt(TODO_TXT, 3), '--due', '2025-03-21', '--priority', 'low', '--untag', 'family');
    expect(s.stderr).toBe('');
    expect(s.text).toBe(TODO_TXT.join('\n').replace('(B) Call Mom +family due:2025-03-20', '(D) Call Mom due:2025-03-21'));
  });

  it('plan set finds a todo.txt-style item by its title without its marks ((B), due:)', async () => {
    const r = await run(TODO_TXT, 'set', await refAt(TODO_TXT, 3), 'done');
    expect(r.stderr).toBe('');
    expect(r.text).toBe(TODO_TXT.join('\n').replace('- [ ] (B) Call Mom', '- [x] (B) Call Mom'));
  });

  it('writes Obsidian marks by default, in a file with no field marks yet', async () => {
    const plain = ['- [ ] One', '- [ ] Two @ana', ''];
    const r = await run(plain, 'edit', await refAt(plain, 2), '--due', '2025-03-14', '--priority', 'high', '--tag', 'ops');
    expect(r.stderr).toBe('');
    expect(r.text).toBe('- [ ] One\n- [ ] Two #ops ⏫ 📅 2025-03-14 @ana\n');
  });

  it("plan add writes the marks on the new item in the file's notation", async () => {
    const r = await run(OBSIDIAN, 'add', 'Book venue', '--due', '2025-03-30', '--priority', 'medium', '--tag', 'event');
    expect(r.stderr).toBe('');
    expect(r.text).toBe([...OBSIDIAN.slice(0, -1), '- [ ] Book venue #event 🔼 📅 2025-03-30', ''].join('\n'));
    const t = await run(TODO_TXT, 'add', 'Pay rent', '--due', 'tomorrow', '--priority', 'high');
    expect(t.stderr).toBe('');
    expect(t.text).toBe([...TODO_TXT.slice(0, -1), '- [ ] (B) Pay rent due:2025-03-13', ''].join('\n'));
  });

  it('refuses a heading task in one line', async () => {
    const heading = ['### T-1: Fix login', '', '**Status:** pending', ''];
    const r = await run(heading, 'edit', 'T-1', '--due', '2025-03-14');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is a heading');
    expect(r.text).toBe(heading.join('\n'));
  });
});

describe("plan set and Obsidian Tasks' done dates", () => {
  const DATED = ['- [ ] Write docs 📅 2025-03-20', '- [x] Ship it ✅ 2025-03-01', '- [x] Old ✅ 2025-02-01', '- [ ] Next ^blk', ''];

  it('appends ✅ <today> where most done items carry one (before a block id), and set back removes it byte for byte', async () => {
    const r = await run(DATED, 'set', await refAt(DATED, 1), 'done');
    expect(r.stderr).toBe('');
    expect(r.text).toBe(DATED.join('\n').replace('- [ ] Write docs 📅 2025-03-20', '- [x] Write docs 📅 2025-03-20 ✅ 2025-03-12'));
    const back = await run(r.text.split('\n'), 'set', await refAt(r.text.split('\n'), 1), 'pending');
    expect(back.stderr).toBe('');
    expect(back.text).toBe(DATED.join('\n'));
    const block = await run(DATED, 'set', await refAt(DATED, 4), 'done');
    expect(block.text).toBe(DATED.join('\n').replace('- [ ] Next ^blk', '- [x] Next ✅ 2025-03-12 ^blk'));
  });

  it('never where the file does not write done dates (most done items without one)', async () => {
    const bare = ['- [ ] One', '- [x] Two', '- [x] Three ✅ 2025-03-01', '- [x] Four', ''];
    const r = await run(bare, 'set', await refAt(bare, 1), 'done');
    expect(r.stderr).toBe('');
    expect(r.text).toBe(bare.join('\n').replace('- [ ] One', '- [x] One'));
  });
});

describe('a done date removed by set', () => {
  it('comes back as it was when the item is set done again (the status memory), in a file without the habit too', async () => {
    const file = join(tmp.dir, 'memory.md');
    const text = ['- [ ] One', '- [x] Two', '- [x] Three ✅ 2025-03-01', '- [x] Four', ''].join('\n');
    writeFileSync(file, text);
    const env = { env: { SOURCE_DATE_EPOCH: EPOCH } };
    const id = await refAt(text.split('\n'), 3);
    expect((await runCli(['-f', file, 'set', id, 'pending', '--no-touch'], env)).stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(text.replace('- [x] Three ✅ 2025-03-01', '- [ ] Three'));
    expect((await runCli(['-f', file, 'set', id, 'done', '--no-touch'], env)).stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
