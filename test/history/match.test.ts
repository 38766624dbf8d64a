// Following tasks from one version to the next: by id (in the same section
// first), else by title.
import { describe, expect, it } from 'vitest';
import { matchTasks, type Matchable } from '../../src/query/match.js';

const t = (id: string, title: string, section: string | null = 'S', idFromFile = true): Matchable => ({ id, idFromFile, title, section });

describe('matchTasks', () => {
  it('pairs ids repeated across sections by section, and in file order', () => {
    const before = [t('3.1', 'A', 'Sprint 8'), t('3.1', 'B', 'Sprint 9')];
    const after = [t('3.1', 'B2', 'Sprint 9'), t('3.1', 'A2', 'Sprint 8')];
    expect(matchTasks(before, after).forward).toEqual([1, 0]);
  });

  it('follows a task moved to another section by its id, and one without an id by its title', () => {
    const before = [t('1', 'Alpha', 'Week 1'), t('L5', 'Write docs', 'Todo', false)];
    const after = [t('L9', 'Write docs', 'Todo', false), t('1', 'Alpha renamed', 'Week 2')];
    expect(matchTasks(before, after)).toEqual({ forward: [1, 0], backward: [1, 0] });
  });

  it('leaves added and removed tasks unmatched', () => {
    expect(matchTasks([t('1', 'A'), t('2', 'B')], [t('2', 'B'), t('3', 'C')])).toEqual({ forward: [-1, 0], backward: [1, -1] });
  });
});
