import { describe, expect, it } from 'vitest';
import { checkUnknownStatuses } from '../../src/check/statuses.js';
import { brief, input } from './helpers.js';

const table = (status: string, front = '') => `${front}| # | Task | Status |\n|---|---|---|\n| 1 | A | ${status} |\n`;

describe('check: status cells with no recognised status', () => {
  it('warns, pointing at the cell, and says how to teach the word', async () => {
    const problems = checkUnknownStatuses(await input(table('Needs design')));
    expect(brief(problems)).toEqual(['3:11 warning unknown-status']);
    expect(problems[0]!.message).toContain('status "Needs design" (task 1) is not one plan knows');
    expect(problems[0]!.message).toContain('`plan: statuses: {Needs design: pending}`');
    expect(problems[0]!.message).toContain('.planrc.json');
  });

  it('accepts words the front matter teaches', async () => {
    const front = '---\nplan:\n  statuses:\n    Needs design: done\n---\n';
    expect(checkUnknownStatuses(await input(table('Needs design', front)))).toEqual([]);
  });

  it('accepts known statuses and leaves empty cells alone', async () => {
    for (const s of ['✅ Done', 'wip', '⏳', 'Blocked', '']) expect(checkUnknownStatuses(await input(table(s)))).toEqual([]);
  });
});
