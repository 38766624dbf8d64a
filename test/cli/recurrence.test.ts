// Obsidian Tasks' recurrence on `plan set <id> done`: the next occurrence
// written above, its dates moved on by the rule; a rule plan does not know
// is refused and nothing is written. SOURCE_DATE_EPOCH: 2025-03-12.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 2, 12, 12) / 1000) };

async function setDone(lines: string[], ...extra: string[]): Promise<{ code: number; stderr: string; text: string; file: string }> {
  const file = join(tmp.dir, `r${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(file, lines.join('\n'));
  // The item's reference (it has no id of its own): the task on line 3.
  const id = JSON.parse((await runCli(['-f', file, 'list', '--json', '--line', '3'])).stdout).tasks[0].id;
  const r = await runCli(['-f', file, 'set', id, 'done', '--no-touch', ...extra], { env });
  return { code: r.code, stderr: r.stderr, text: readFileSync(file, 'utf8'), file };
}

describe('recurring tasks', () => {
  it('every week: the next one above, due a week later, scheduled keeping its distance', async () => {
    const r = await setDone(['# Chores', '', '- [ ] Water plants 🔁 every week ⏳ 2025-03-08 📅 2025-03-10', '- [ ] Other', '']);
    expect(r.code).toBe(0);
    expect(r.text).toBe(
      [
        '# Chores',
        '',
        '- [ ] Water plants 🔁 every week ⏳ 2025-03-15 📅 2025-03-17',
        '- [x] Water plants 🔁 every week ⏳ 2025-03-08 📅 2025-03-10',
        '- [ ] Other',
        '',
      ].join('\n'),
    );
  });

  it('every month clamps to the month end; every 2 days; every year; every weekday skips the weekend', async () => {
    const month = await setDone(['# R', '', '- [ ] Rent 🔁 every month 📅 2025-01-31', '']);
    expect(month.text.split('\n')[2]).toBe('- [ ] Rent 🔁 every month 📅 2025-02-28');
    const days = await setDone(['# R', '', '- [/] Stretch 🔁 every 2 days 📅 2025-03-12', '']);
    expect(days.text.split('\n').slice(2, 4)).toEqual(['- [ ] Stretch 🔁 every 2 days 📅 2025-03-14', '- [x] Stretch 🔁 every 2 days 📅 2025-03-12']);
    const year = await setDone(['# R', '', '- [ ] Renew 🔁 every year 📅 2024-02-29', '']);
    expect(year.text.split('\n')[2]).toBe('- [ ] Renew 🔁 every year 📅 2025-02-28');
    const weekday = await setDone(['# R', '', '- [ ] Standup 🔁 every weekday 📅 2025-03-14', '']);
    expect(weekday.text.split('\n')[2]).toBe('- [ ] Standup 🔁 every weekday 📅 2025-03-17');
  });

  it('a file that keeps done dates: ✅ today on the done one, none on the next', async () => {
    const r = await setDone(['# R', '', '- [ ] Pay 🔁 every month 📅 2025-03-10', '- [x] Old ✅ 2025-03-01', '']);
    expect(r.text.split('\n').slice(2, 4)).toEqual(['- [ ] Pay 🔁 every month 📅 2025-04-10', '- [x] Pay 🔁 every month 📅 2025-03-10 ✅ 2025-03-12']);
  });

  it('a rule it does not know, or no date: refused in one line, nothing written', async () => {
    const lines = ['# R', '', '- [ ] Review 🔁 every 3rd tuesday 📅 2025-03-10', ''];
    const r = await setDone(lines);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^plan: .*:3: task .* recurs \(🔁 every 3rd tuesday\), and plan writes the next occurrence only for every day, week, month or year/,
    );
    expect(r.text).toBe(lines.join('\n'));
    const undated = ['# R', '', '- [ ] Tidy 🔁 every week', ''];
    const u = await setDone(undated);
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/it has no due, scheduled or start date to repeat from; nothing was written/);
    expect(u.text).toBe(undated.join('\n'));
  });

  it('an item without 🔁 is set done as before, one line changed', async () => {
    const r = await setDone(['# R', '', '- [ ] Once 📅 2025-03-10', '']);
    expect(r.text).toBe('# R\n\n- [x] Once 📅 2025-03-10\n');
  });
});
