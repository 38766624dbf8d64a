import { describe, expect, it } from 'vitest';
import { checkDuplicateIds } from '../../src/check/duplicates.js';
import { brief, input } from './helpers.js';

describe('check: the same id twice in one scope', () => {
  it('reports the second task with the line of the first', async () => {
    const text = '## Sprint 1\n\n| # | Task | Status |\n|---|---|---|\n| 1.1 | A | Done |\n| 1.2 | B | Done |\n| 1.1 | C | Pending |\n';
    const problems = checkDuplicateIds(await input(text));
    expect(brief(problems)).toEqual(['7:3 error duplicate-id']);
    expect(problems[0]!.message).toBe('id "1.1" is used again (first on line 5) in the same sprint 1, section "Sprint 1"; give one of them another id');
  });

  it('lets ids repeat across sprints and sections', async () => {
    const text = [
      '## Sprint 1',
      '',
      '| # | Task | Status |',
      '|---|---|---|',
      '| 1 | A | Done |',
      '',
      '## Sprint 2',
      '',
      '| # | Task | Status |',
      '|---|---|---|',
      '| 1 | A | Done |',
      '',
      '## Sprint 2 extras',
      '',
      '- [ ] 1 Again',
      '',
    ].join('\n');
    expect(checkDuplicateIds(await input(text))).toEqual([]);
  });

  it('compares ids without case or a leading #', async () => {
    const text = '| ID | Task | Status |\n|---|---|---|\n| #A1 | first | Done |\n| a1 | second | Done |\n';
    expect(brief(checkDuplicateIds(await input(text)))).toEqual(['4:3 error duplicate-id']);
  });

  it('never reports positional ids', async () => {
    const text = '| Task | Status |\n|---|---|\n| A | Done |\n| A | Done |\n';
    expect(checkDuplicateIds(await input(text))).toEqual([]);
  });
});
