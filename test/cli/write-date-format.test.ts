// `--due` writes the date in the form the file already uses: the column's
// cells (14.03.2025, Mar 14, 2025, 14/03/2025 where the file says day first),
// a `**Due:**` field line's own form; YYYY-MM-DD otherwise.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { dateLike } from '../../src/write/date-format.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 2, 12, 12) / 1000) };

describe('dateLike', () => {
  it('takes the form of the first example it can write', () => {
    expect(dateLike('2025-04-05', ['14.03.2025'], null)).toBe('05.04.2025');
    expect(dateLike('2025-04-05', ['1.3.2025'], null)).toBe('5.4.2025');
    expect(dateLike('2025-04-05', ['2025/03/14'], null)).toBe('2025/04/05');
    expect(dateLike('2025-04-05', ['Mar 14, 2025'], null)).toBe('Apr 5, 2025');
    expect(dateLike('2025-04-05', ['March 14, 2025'], null)).toBe('April 5, 2025');
    expect(dateLike('2025-04-05', ['14 Mar 2025'], null)).toBe('5 Apr 2025');
    expect(dateLike('2025-04-05', ['14/03/2025'], true)).toBe('05/04/2025');
    expect(dateLike('2025-04-05', ['3/14/2025'], false)).toBe('4/5/2025');
    expect(dateLike('2025-04-05', ['03/04/2025'], null)).toBe('2025-04-05');
    expect(dateLike('2025-04-05', ['2025-03-14', '14.03.2025'], null)).toBe('2025-04-05');
    expect(dateLike('2025-04-05', ['soon'], null)).toBe('2025-04-05');
    expect(dateLike('2025-04-05', [], null)).toBe('2025-04-05');
  });
});

function table(dates: [string, string]): string {
  return ['| ID | Task | Status | Due |', '|----|------|--------|-----|', `| 1 | A | pending | ${dates[0]} |`, `| 2 | B | pending | ${dates[1]} |`, ''].join(
    '\n',
  );
}

describe('plan edit --due and plan add --due in a table', () => {
  it('a column of dotted dates gets a dotted date; the round trip is byte-identical', async () => {
    const f = join(tmp.dir, 'dotted.md');
    const before = table(['14.03.2025', '20.03.2025']);
    writeFileSync(f, before);
    const r = await runCli(['-f', f, 'edit', '2', '--due', '2025-04-05', '--no-touch'], { env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(f, 'utf8')).toBe(table(['14.03.2025', '05.04.2025']));
    expect(JSON.parse((await runCli(['-f', f, 'show', '2', '--json'])).stdout).task.due).toBe('2025-04-05');
    await runCli(['-f', f, 'edit', '2', '--due', '2025-03-20', '--no-touch'], { env });
    expect(readFileSync(f, 'utf8')).toBe(before);
  });

  it('named months, and a day-first file with slashes', async () => {
    const f = join(tmp.dir, 'named.md');
    writeFileSync(f, table(['Mar 14, 2025', '']));
    const r = await runCli(['-f', f, 'edit', '2', '--due', 'tomorrow', '--no-touch'], { env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(f, 'utf8')).toBe(table(['Mar 14, 2025', 'Mar 13, 2025']));
    const g = join(tmp.dir, 'slashed.md');
    writeFileSync(g, table(['25/03/2025', '']));
    const add = await runCli(['-f', g, 'add', 'C', '--due', '2025-04-05', '--no-touch'], { env });
    expect([add.code, add.stderr]).toEqual([0, '']);
    expect(readFileSync(g, 'utf8')).toBe(`${table(['25/03/2025', ''])}| 3 | C | pending | 05/04/2025 |\n`);
  });
});

describe('plan edit on a heading task: its field lines', () => {
  const HEADINGS = [
    '# Plan',
    '',
    '## Tasks',
    '',
    '### 1. Epsilon (in progress)',
    '',
    '**Due:** 14.03.2025',
    '**Priority:** P2',
    '',
    '### 2. Zeta (pending)',
    '',
    '**Due:** Mar 20, 2025',
    '',
    '### 3. Eta (pending)',
    '',
  ].join('\n');

  it('--due and --priority change the values in their own forms; a round trip is byte-identical', async () => {
    const f = join(tmp.dir, 'headings.md');
    writeFileSync(f, HEADINGS);
    const r = await runCli(['-f', f, 'edit', '1', '--due', '2025-04-05', '--priority', 'high', '--no-touch'], { env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(f, 'utf8')).toBe(HEADINGS.replace('**Due:** 14.03.2025\n**Priority:** P2', '**Due:** 05.04.2025\n**Priority:** P1'));
    const task = JSON.parse((await runCli(['-f', f, 'show', '1', '--json'])).stdout).task;
    expect([task.due, task.priorityLevel]).toEqual(['2025-04-05', 'high']);
    await runCli(['-f', f, 'edit', '1', '--due', '2025-03-14', '--priority', 'P2', '--no-touch'], { env });
    expect(readFileSync(f, 'utf8')).toBe(HEADINGS);
  });

  it('--due "" removes a line that holds only the date', async () => {
    const f = join(tmp.dir, 'headings-rm.md');
    writeFileSync(f, HEADINGS);
    const r = await runCli(['-f', f, 'edit', '2', '--due', '', '--no-touch'], { env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(f, 'utf8')).toBe(HEADINGS.replace('**Due:** Mar 20, 2025\n', ''));
  });

  it('refuses a heading with no such line, and tags on a heading, writing nothing', async () => {
    const f = join(tmp.dir, 'headings-no.md');
    writeFileSync(f, HEADINGS);
    const r = await runCli(['-f', f, 'edit', '3', '--due', '2025-04-05'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`plan: ${f}:14: task 3 is a heading with no **Due:** line under it; add one by hand, then edit it; nothing was written\n`);
    const t = await runCli(['-f', f, 'edit', '1', '--tag', 'x'], { env });
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/task 1 is a heading; --tag is written in tables and list items only/);
    expect(readFileSync(f, 'utf8')).toBe(HEADINGS);
  });
});
