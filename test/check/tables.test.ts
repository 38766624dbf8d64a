import { describe, expect, it } from 'vitest';
import { checkIdColumns, checkRaggedRows } from '../../src/check/tables.js';
import { brief, input } from './helpers.js';

describe('check: table rows with more or fewer cells than the header', () => {
  it('warns about each ragged row', async () => {
    const text = '| # | Task | Status |\n|---|---|---|\n| 1 | A | Done |\n| 2 | B |\n| 3 | C | Done | extra |\n';
    const problems = checkRaggedRows(await input(text));
    expect(brief(problems)).toEqual(['4:1 warning ragged-row', '5:1 warning ragged-row']);
    expect(problems[0]!.message).toBe('table row has 2 cells but its header (line 1) has 3; add the missing cell (an empty `|  |` will do)');
    expect(problems[1]!.message).toMatch(/^table row has 4 cells but its header \(line 1\) has 3; Markdown drops the extra cell/);
  });

  it('checks tables that hold no tasks too', async () => {
    expect(brief(checkRaggedRows(await input('| a | b |\n|---|---|\n| 1 |\n')))).toEqual(['3:1 warning ragged-row']);
  });
});

describe('check: task tables without an id column', () => {
  it('warns once per table, naming a derived reference', async () => {
    const text = '# Plan\n\n| Task | Status |\n|---|---|\n| A | Done |\n| B | Pending |\n';
    const problems = checkIdColumns(await input(text));
    expect(brief(problems)).toEqual(['3:1 warning no-id-column']);
    expect(problems[0]!.message).toMatch(/references derived from their titles \(@[0-9a-f]{5}, …\)/);
  });

  it('says nothing for tables with ids, week tables and other tables', async () => {
    const text =
      '| # | Task | Status |\n|---|---|---|\n| 1 | A | Done |\n\n| Week | Focus | Status |\n|---|---|---|\n| 2 | B | Done |\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expect(checkIdColumns(await input(text))).toEqual([]);
  });
});
