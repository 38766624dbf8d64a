import { describe, expect, it } from 'vitest';
import { checkUnknownStatuses } from '../../src/check/statuses.js';
import { collapseGroups } from '../../src/check/collapse.js';
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

describe('check: a Status column holding notes', () => {
  const notes = '| # | Task | Status |\n|---|---|---|\n| 1 | A | Needs design |\n| 2 | B | Ask legal first |\n| 3 | C | See the RFC |\n| 4 | D | ✅ |\n';

  it('is one finding for the table, at its first cell, with the count; each cell stays a finding of its own', async () => {
    const findings = checkUnknownStatuses(await input(notes));
    expect(brief(findings)).toEqual(['3:11 warning unknown-status', '4:11 warning unknown-status', '5:11 warning unknown-status']);
    const collapsed = collapseGroups(findings);
    expect(brief(collapsed)).toEqual(['3:11 warning unknown-status']);
    expect(collapsed[0]!.message).toBe(
      '3 status cells of this table hold no status plan knows ("Needs design", …; tasks 1, 2, 3): if the column holds notes, name it Notes; ' +
        'else write ✅ Done, 🔄 In Progress, ⏳ Pending, ⛔ Blocked or 🚫 Cancelled, or map the words to statuses in the front matter ' +
        '(`plan: statuses: {…: pending}`) or in .planrc.json; --verbose lists each',
    );
  });

  it('leaves a single unknown cell, and cells of other tables, as they are', async () => {
    const findings = checkUnknownStatuses(await input(`${table('Needs design')}\n${table('Later maybe')}`));
    expect(collapseGroups(findings).map((p) => p.message)).toEqual(findings.map((f) => f.message));
  });
});
