// "Today" is the local date in the time zone (TZ) when SOURCE_DATE_EPOCH is not set: at one instant
// near midnight UTC, a task due that day is overdue where the date has already turned and not where
// it has not (issue 23: time zones at the day boundary).
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const INSTANT = new Date('2025-03-14T23:30:00Z');
const savedTZ = process.env.TZ;
afterEach(() => {
  if (savedTZ === undefined) delete process.env.TZ;
  else process.env.TZ = savedTZ;
});

async function overdueIds(tz: string): Promise<string[]> {
  const t = tempDir();
  try {
    writeFileSync(join(t.dir, 'PLAN.md'), '- [ ] Pay rent 📅 2025-03-14\n- [ ] File taxes 📅 2025-03-15\n');
    // The process's own zone is what Date reads: set for this run, restored after each test.
    process.env.TZ = tz;
    const r = await runCli(['list', '--overdue', '--json'], { cwd: t.dir, now: INSTANT, env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { tasks: { title: string }[] }).tasks.map((x) => x.title);
  } finally {
    t.cleanup();
  }
}

describe('today at the day boundary', () => {
  it('is already the 15th in Auckland (UTC+13): the task due on the 14th is overdue', async () => {
    expect(await overdueIds('Pacific/Auckland')).toEqual(['Pay rent']);
  });

  it('is still the 14th in Los Angeles (UTC-7): nothing is overdue', async () => {
    expect(await overdueIds('America/Los_Angeles')).toEqual([]);
  });

  it('is the UTC date of SOURCE_DATE_EPOCH when it is set, whatever the zone', async () => {
    const t = tempDir();
    try {
      writeFileSync(join(t.dir, 'PLAN.md'), '- [ ] Pay rent 📅 2025-03-14\n');
      process.env.TZ = 'Pacific/Auckland';
      const epoch = String(Math.floor(INSTANT.getTime() / 1000));
      const r = await runCli(['list', '--overdue', '--json'], { cwd: t.dir, env: { SOURCE_DATE_EPOCH: epoch } });
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { tasks: unknown[] }).tasks).toEqual([]);
    } finally {
      t.cleanup();
    }
  });
});
