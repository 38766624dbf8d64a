import { describe, expect, it } from 'vitest';
import { checkTableReading } from '../../src/check/reading.js';
import { collapseGroups } from '../../src/check/collapse.js';
import { brief, input } from './helpers.js';

describe('check: how plan read tables and headings (info)', () => {
  it('says once per table that a legend or a report of checks is not read as tasks', async () => {
    const text =
      '| Mark | Meaning |\n|---|---|\n| ✅ | Done |\n| 🔄 | In progress |\n\n| Service | Status |\n|---|---|\n| api | OK |\n| db | OK |\n| cache | Failing |\n';
    const found = checkTableReading(await input(text));
    expect(brief(found)).toEqual(['1:1 info table-not-tasks', '6:1 info table-not-tasks']);
    expect(found[0]!.message).toMatch(/status legend/);
    expect(found[1]!.message).toMatch(/report of checks/);
  });

  it("says once that a table summarising the file's sections is not counted again", async () => {
    const text =
      '| Phase | Name | Status |\n|---|---|---|\n| S0 | Setup | ✅ Done |\n| S1 | Scan | ⬜ Todo |\n\n## S0 — Setup\n\n- [x] Repo\n\n## S1 — Scan\n\n- [ ] Schema\n';
    const found = checkTableReading(await input(text));
    expect(brief(found)).toEqual(['1:1 info table-not-tasks']);
    expect(found[0]!.message).toMatch(/summary of the file's sections.*give them ids that name no section/);
  });

  it('names a column whose cells overruled its header, once for the table', async () => {
    const text = '| Task | Description | Status |\n|---|---|---|\n| T01 | Set up CI | Done |\n| T02 | Write docs | Pending |\n| T03 | Ship | Pending |\n';
    const found = checkTableReading(await input(text));
    expect(brief(found)).toEqual(['1:1 info column-inferred']);
    expect(found[0]!.message).toContain('"Task" read as the id (its name says the title)');
  });

  it('says nothing of a table whose header names its columns', async () => {
    const text = '| # | Task | Status |\n|---|---|---|\n| 1 | A | Done |\n| 2 | B | Pending |\n';
    expect(checkTableReading(await input(text))).toEqual([]);
  });

  it('collapses headings read as tasks into one finding', async () => {
    const text = '# Plan\n\n### BUG-001: Login fails\n\n- **Status**: ✅ FIXED\n\n### BUG-002: Logout hangs\n\n- **Status**: 🔄 In progress\n';
    const found = checkTableReading(await input(text));
    expect(brief(found)).toEqual(['3:1 info heading-task', '7:1 info heading-task']);
    const shown = collapseGroups(found);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message).toMatch(/^2 headings are read as tasks \(lines 3, 7\)/);
  });
});
