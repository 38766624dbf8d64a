// The Obsidian Tasks documentation's own examples of each signifier
// (test/fixtures/obsidian-tasks.md, its source cited at its top) read as
// Obsidian Tasks means them, and a round trip of `set` through another status
// and back leaves the file byte for byte as it was. "Today": 2025-03-12.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/obsidian-tasks.md');
const ORIGINAL = readFileSync(FIXTURE, 'utf8');
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 2, 12, 12) / 1000) };
const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

interface TaskJson {
  id: string;
  line: number;
  title: string;
  status: string;
  due: string | null;
  scheduled: string | null;
  start: string | null;
  doneDate: string | null;
  priorityLevel: string | null;
  tags: string[];
  dependsOn: string[];
  recurrence: string | null;
}

/** A fresh copy of the fixture. */
function fresh(): string {
  const file = join(tmp.dir, `obsidian-${n++}.md`);
  copyFileSync(FIXTURE, file);
  return file;
}

/** A fresh copy of the fixture, and its tasks as `list --json` gives them. */
async function copy(): Promise<{ file: string; tasks: TaskJson[] }> {
  const file = fresh();
  const r = await runCli(['-f', file, 'list', '--json'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { file, tasks: JSON.parse(r.stdout).tasks };
}

/** The task written on the fixture's line that holds `text`. */
function at(tasks: TaskJson[], text: string): TaskJson {
  const line = ORIGINAL.split('\n').findIndex((l) => l.startsWith('- [') && l.includes(text)) + 1;
  const t = tasks.find((x) => x.line === line);
  if (!t) throw new Error(`no task on the line with ${text}`);
  return t;
}

const SIGNIFIERS = /📅|⏳|🛫|➕|✅|❌|🔺|⏫|🔼|🔽|⏬|🔁|🆔|⛔|\d{4}-\d{2}-\d{2}/u;

describe('the Obsidian Tasks documentation examples', () => {
  it('reads each date signifier as its date (➕ created is set aside, ❌ cancelled is the done date)', async () => {
    const { tasks } = await copy();
    const dates = (text: string) => {
      const t = at(tasks, text);
      return { status: t.status, due: t.due, scheduled: t.scheduled, start: t.start, doneDate: t.doneDate };
    };
    const none = { due: null, scheduled: null, start: null, doneDate: null };
    expect(dates('trash 📅')).toEqual({ ...none, status: 'pending', due: '2021-04-09' });
    expect(dates('trash ⏳')).toEqual({ ...none, status: 'pending', scheduled: '2021-04-09' });
    expect(dates('trash 🛫')).toEqual({ ...none, status: 'pending', start: '2021-04-09' });
    expect(dates('trash ➕')).toEqual({ ...none, status: 'pending' });
    expect(dates('trash ✅')).toEqual({ ...none, status: 'done', doneDate: '2021-04-09' });
    expect(dates('trash ❌')).toEqual({ ...none, status: 'cancelled', doneDate: '2021-04-09' });
  });

  it('reads the five priorities on the one scale', async () => {
    const { tasks } = await copy();
    const levels = ['🔺', '⏫', '🔼', '🔽', '⏬'].map((mark) => at(tasks, `trash ${mark}`).priorityLevel);
    expect(levels).toEqual(['highest', 'high', 'medium', 'low', 'lowest']);
  });

  it('reads the recurrence rule, the dates beside it, and keeps it out of the title', async () => {
    const { tasks } = await copy();
    expect(at(tasks, 'every Sunday')).toMatchObject({ title: 'take out the trash', recurrence: 'every Sunday', due: '2021-04-25' });
    expect(at(tasks, 'sweep the floors')).toMatchObject({ title: 'sweep the floors', recurrence: 'every week', scheduled: '2021-02-13', due: null });
    expect(at(tasks, 'Mow the lawn')).toMatchObject({ recurrence: 'every 2 weeks', scheduled: '2021-10-28', due: '2021-10-30' });
    expect(at(tasks, 'on the last')).toMatchObject({ title: 'do stuff', recurrence: 'every month on the last', due: '2022-01-31' });
    expect(at(tasks, 'trash 📅').recurrence).toBeNull();
  });

  it('reads 🆔 as the task id and ⛔ as what it depends on, ids of letters only too', async () => {
    const { tasks } = await copy();
    expect(at(tasks, 'do this first')).toMatchObject({ id: 'abcdef', title: 'do this first', dependsOn: [] });
    expect(at(tasks, 'do this after first')).toMatchObject({ title: 'do this after first', dependsOn: ['abcdef'] });
    expect(at(tasks, 'Build a first draft')).toMatchObject({ id: '4ijuhy', title: 'Build a first draft' });
    expect(at(tasks, 'Test with users')).toMatchObject({ title: 'Test with users', dependsOn: ['4ijuhy'] });
  });

  it('reads the statuses as Obsidian Tasks types them: / in progress, - cancelled, > ! ? still to do', async () => {
    const { tasks } = await copy();
    const status = (box: string) => at(tasks, `\`${box}\``).status;
    expect(['space', '/', 'x', '-', '>', '?', '!'].map(status)).toEqual(['pending', 'in-progress', 'done', 'cancelled', 'pending', 'pending', 'pending']);
    expect(at(tasks, '`>`').tags).toEqual(['task']);
  });

  it('reads the tags, nested and emoji ones', async () => {
    const { tasks } = await copy();
    expect(at(tasks, '#context/work').tags).toEqual(['context/work', 'context/home/ground-floor']);
    expect(at(tasks, '#when/morning').tags).toEqual(['when/morning', 'when/evening']);
    expect(at(tasks, '#🏢/companyA').tags).toEqual(['🏢/companyA']);
  });

  it('leaves no signifier and no date in any title', async () => {
    const { tasks } = await copy();
    expect(tasks.length).toBe(29);
    expect(tasks.filter((t) => SIGNIFIERS.test(t.title)).map((t) => t.title)).toEqual([]);
  });

  it('set done (pending on a done one) and back: the file byte-identical, for every item that does not recur', async () => {
    const { tasks } = await copy();
    const changed: string[] = [];
    for (const t of tasks) {
      if (t.recurrence) continue;
      const file = fresh();
      const [there, back] = t.status === 'done' ? ['pending', 'done'] : ['done', t.status];
      const first = await runCli(['-f', file, 'set', t.id, there, '--no-touch'], { env });
      expect(first.code, first.stderr).toBe(0);
      expect(readFileSync(file, 'utf8')).not.toBe(ORIGINAL);
      const second = await runCli(['-f', file, 'set', t.id, back, '--no-touch'], { env });
      expect(second.code, second.stderr).toBe(0);
      const after = readFileSync(file, 'utf8');
      if (after !== ORIGINAL) changed.push(after.split('\n')[t.line - 1]!);
    }
    // The one that differs is the file's own habit: its done items carry done dates, so a done
    // item without one gets today's when it is done again (the rule), and nothing else.
    expect(changed).toEqual(['- [x] #task `x` done ✅ 2025-03-12']);
  });
});
