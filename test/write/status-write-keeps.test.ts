// A status write keeps what the line is: the task stays a task (never a legend
// entry, never an item its heading no longer claims), and what is not a status
// (Obsidian Tasks' 📅 due date, ⛔ dependency) stays where it is. In process,
// through the one set operation the CLI and MCP share, with the exact bytes on disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setStatusOp } from '../../src/actions/set.js';
import { loadPlan } from '../../src/load/load.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
const saved = process.env.XDG_CACHE_HOME;
beforeAll(() => {
  process.env.XDG_CACHE_HOME = join(tmp.dir, 'cache'); // the journal and memory stay in the test's own folder
});
afterAll(() => {
  if (saved === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved;
  tmp.cleanup();
});
let n = 0;

function planFile(text: string): string {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, text);
  return path;
}

async function tasks(path: string) {
  const { plan } = await loadPlan(path, false, false);
  return plan.tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, line: t.line }));
}

/** Sets the task on `line` to `to`; returns the file's text after it, or the refusal. */
async function setLine(path: string, line: number, to: string): Promise<{ text: string; error: string | null }> {
  const id = (await tasks(path)).find((t) => t.line === line)!.id;
  try {
    await setStatusOp(path, id, to, {}, { touch: false, memory: false });
    return { text: readFileSync(path, 'utf8'), error: null };
  } catch (e) {
    return { text: readFileSync(path, 'utf8'), error: (e as Error).message };
  }
}

describe('a title that is a status word', () => {
  it('under a status heading, set done, stays a task (`- Fixed ✅`, not the legend entry `- ✅ Fixed`)', async () => {
    const path = planFile('# P\n\n## Todo\n\n- Fixed\n- ok\n- Write docs\n');
    const r = await setLine(path, 5, 'done');
    expect(r.error).toBeNull();
    expect(r.text).toBe('# P\n\n## Todo\n\n- Fixed ✅\n- ok\n- Write docs\n');
    expect((await tasks(path)).map((t) => [t.title, t.status])).toEqual([
      ['Fixed', 'done'],
      ['ok', 'pending'],
      ['Write docs', 'pending'],
    ]);
  });

  it('a write after which the task would not be read back is refused, the file untouched', async () => {
    // `(已完成7个)` says done; `(PENDING7个)` says nothing, and the heading gives no status.
    // (`7 files`, not a bare `7`: a bold label over a bare number is a count, not a task.)
    const text = '# Report\n\n### Stats\n- **Core tasks**: 7 files (已完成7个)\n';
    const path = planFile(text);
    expect((await tasks(path)).map((t) => t.status)).toEqual(['done']);
    const r = await setLine(path, 4, 'pending');
    expect(r.error).toMatch(/:4: setting task .* pending would change what the line is \(it would no longer read as a task\); nothing was written/);
    expect(r.text).toBe(text);
  });
});

describe("Obsidian Tasks' signifiers are not statuses", () => {
  const file = [
    '# Tasks',
    '',
    '- [ ] 📅 2025-01-30 Pay rent',
    '- [ ] ⏳ 2025-02-01 Call the bank 🔁 every week',
    '- [ ] ✅ 2025-02-03 Renew',
    '- [ ] ⛔ abc123 Deploy',
    '- [ ] ⏳ Waiting for review',
    '- [ ] 📅 Plan the offsite',
    '- ⛔ Blocked on the vendor',
    '',
  ].join('\n');

  it('a date after 📅 ⏳ ✅, an id after ⛔: kept by a status write; 📅 ⏳ ⛔ before words still mark a status', async () => {
    const path = planFile(file);
    // Line 4 recurs: its next occurrence takes line 4, so the lines after it are one further down.
    for (const line of [3, 4, 6, 7, 8, 9, 10]) expect((await setLine(path, line, 'done')).error).toBeNull();
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '# Tasks',
        '',
        '- [x] 📅 2025-01-30 Pay rent',
        '- [ ] ⏳ 2025-02-08 Call the bank 🔁 every week', // recurring: the next occurrence, written above
        '- [x] ⏳ 2025-02-01 Call the bank 🔁 every week',
        '- [x] ✅ 2025-02-03 Renew',
        '- [x] ⛔ abc123 Deploy',
        '- [x] Waiting for review',
        '- [x] Plan the offsite',
        '- ✅ Blocked on the vendor',
        '',
      ].join('\n'),
    );
  });

  it('read: a signifier with its value is not the status (the box is)', async () => {
    expect((await tasks(planFile(file))).map((t) => t.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending', 'pending', 'blocked']);
    const ticked = await tasks(planFile('- [x] 📅 2025-01-30 Pay rent\n- [x] ⛔ abc123 Deploy\n'));
    expect(ticked.map((t) => t.status)).toEqual(['done', 'done']);
  });
});

describe('a mark written before the text reads as a status, not a signifier', () => {
  // `⛔ v2 app` is Obsidian's "depends on v2" and `✅ 2025-03-01 …` a done date: such a mark says no status.
  it('a word with a digit after ⛔, a date after ✅ or ⏳: another mark of the status, the rest of the line kept', async () => {
    const path = planFile(
      [
        '# Yard',
        '',
        '- 🚧 v2 app (blocked on step 4)',
        '',
        '### Phase 6',
        '17. 🔄 i18n (EN, FR, DE)',
        '18. OAuth',
        '',
        '## Todo',
        '',
        '- 2025-03-01 launch',
        '- 2025-04-01 review',
        '',
      ].join('\n'),
    );
    const before = (await loadPlan(path, false, false)).plan.tasks.map((t) => [t.id, t.title, t.notes, t.line]);
    expect((await setLine(path, 3, 'cancelled')).error).toBeNull();
    expect((await setLine(path, 3, 'blocked')).error).toBeNull();
    expect((await setLine(path, 6, 'blocked')).error).toBeNull();
    expect((await setLine(path, 11, 'done')).error).toBeNull();
    expect((await setLine(path, 12, 'blocked')).error).toBeNull();
    expect((await setLine(path, 11, 'pending')).error).toBeNull();
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '# Yard',
        '',
        '- 🛑 v2 app (blocked on step 4)',
        '',
        '### Phase 6',
        '17. 🛑 i18n (EN, FR, DE)',
        '18. OAuth',
        '',
        '## Todo',
        '',
        '- ⬜ 2025-03-01 launch',
        '- 🛑 2025-04-01 review',
        '',
      ].join('\n'),
    );
    const after = (await loadPlan(path, false, false)).plan.tasks;
    expect(after.map((t) => [t.id, t.title, t.notes, t.line])).toEqual(before);
    expect(after.map((t) => t.status)).toEqual(['blocked', 'blocked', 'pending', 'pending', 'blocked']);
  });
});

describe('what list shows, set reaches', () => {
  it('a box with five or more blanks after it', async () => {
    const path = planFile('# T\n\n- [ ]     five spaces\n- [ ]        eight\n');
    expect((await tasks(path)).map((t) => t.title)).toEqual(['five spaces', 'eight']);
    expect((await setLine(path, 3, 'done')).error).toBeNull();
    expect((await setLine(path, 4, 'blocked')).error).toBeNull();
    expect(readFileSync(path, 'utf8')).toBe('# T\n\n- [x]     five spaces\n- [ ]        ⛔ eight\n');
  });

  it('a list marker alone on its line, its text on the next', async () => {
    const path = planFile('# T\n\n## Todo\n\n-\n  marker alone\n- [ ] ok\n');
    const listed = await tasks(path);
    expect(listed.map((t) => [t.title, t.line])).toEqual([
      ['marker alone', 5],
      ['ok', 7],
    ]);
    const r = await setLine(path, 5, 'done');
    expect(r.error).toBeNull();
    expect((await tasks(path)).map((t) => [t.title, t.status])).toEqual([
      ['marker alone', 'done'],
      ['ok', 'pending'],
    ]);
  });
});

describe('a status field among other bold fields on one line', () => {
  it('set done rewrites that field value only', async () => {
    const text = '# Bugs\n\n### BUG-12: Login times out\n\n**Priority:** High **Status:** Open **Reported:** 2025-06-02\n';
    const path = planFile(text);
    const r = await setLine(path, 3, 'done');
    expect(r.error).toBeNull();
    expect(r.text).toBe(text.replace('**Status:** Open', '**Status:** Done'));
    expect((await tasks(path)).map((t) => [t.id, t.status])).toEqual([['BUG-12', 'done']]);
  });
});

describe('a status cell that holds only the memo mark', () => {
  it('is replaced whole by the new status, not kept as a note after it', async () => {
    const path = planFile('| # | Task | Status |\n|---|---|---|\n| H1 | Call the clinics | 📝 |\n| H2 | Draft the contract | ✅ |\n');
    const r = await setLine(path, 3, 'done');
    expect(r.error).toBeNull();
    expect(r.text).toBe('| # | Task | Status |\n|---|---|---|\n| H1 | Call the clinics | ✅ |\n| H2 | Draft the contract | ✅ |\n');
  });
});

describe('a heading task whose heading closes with an emphasised note', () => {
  it('takes its mark after its name, before the note, and keeps its title', async () => {
    const path = planFile('# Plan\n\n### WS-A — Build the base\n- **Objective:** x\n\n### WS-B — ML pipelines  *(biggest net-new)*\n- **Objective:** y\n');
    const r = await setLine(path, 6, 'done');
    expect(r.error).toBeNull();
    expect(r.text).toBe('# Plan\n\n### WS-A — Build the base\n- **Objective:** x\n\n### WS-B — ML pipelines ✅  *(biggest net-new)*\n- **Objective:** y\n');
    expect((await tasks(path)).map((t) => [t.id, t.title, t.status])).toEqual([
      ['WS-A', 'Build the base', 'none'],
      ['WS-B', 'ML pipelines', 'done'],
    ]);
  });
});

describe('a heading whose bracket states a status and a note after a comma', () => {
  const PLAN = ['# Roadmap', '', '### Milestone 4 — Charging profile (completado, mar 2026)', '- hourly array', ''].join('\n');

  it('reads the status, and the title stops before the bracket', async () => {
    expect(await tasks(planFile(PLAN))).toEqual([{ id: '4', title: 'Charging profile', status: 'done', line: 3 }]);
  });

  it('keeps the note when set: only the status words change', async () => {
    const path = planFile(PLAN);
    const { text, error } = await setLine(path, 3, 'pending');
    expect(error).toBeNull();
    expect(text).toBe(PLAN.replace('(completado, mar 2026)', '(pending, mar 2026)'));
    expect(await tasks(path)).toEqual([{ id: '4', title: 'Charging profile', status: 'pending', line: 3 }]);
  });
});
