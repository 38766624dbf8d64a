// The grouping rules of `plan summary` on small inline plans.
import { describe, expect, it } from 'vitest';
import { buildFromText } from '../../src/load/load.js';
import { summarise, percentOf } from '../../src/query/summary.js';
import { filterTasks } from '../../src/query/filter.js';

async function summary(text: string, filters = {}) {
  const plan = await buildFromText('/nonexistent/plan.md', text, false);
  return summarise(plan, filterTasks(plan.tasks, filters));
}

const rows = (...r: string[]) => `| # | Task | Status |\n|---|---|---|\n${r.map((x) => `| ${x} |`).join('\n')}\n`;

describe('summary groups', () => {
  it('makes a group of every heading that holds tasks, nested by depth; the document title is the file line', async () => {
    const s = await summary(
      [
        '# Roadmap',
        '',
        '## Sprint 1',
        '',
        '### Week 1 (DONE)',
        '',
        rows('1 | a | ✅', '2 | b | ✅'),
        '### Week 2',
        '',
        rows('3 | c | 🔄', '4 | d | ⏳', '5 | e | 🚫'),
        '## Notes',
        '',
        'Nothing here.',
        '',
        '## Release 2.0',
        '',
        '- [x] 2.1 done',
        '- [ ] 2.2 open',
        '',
        '### Backlog',
        '',
        '- [ ] 2.3 later',
        '',
        '## Month 3',
        '',
        'No tasks yet.',
        '',
      ].join('\n'),
    );
    expect(s.groups.map((g) => [g.depth, g.kind, g.value, g.name, g.done, g.total, g.percent, g.headingStatus])).toEqual([
      [0, 'sprint', '1', 'Sprint 1', 2, 4, 50, null],
      [1, 'week', '1', 'Week 1 (DONE)', 2, 2, 100, 'done'],
      [1, 'week', '2', 'Week 2', 0, 2, 0, null],
      [0, 'milestone', '2.0', 'Release 2.0', 1, 3, 33, null],
      [1, 'section', null, 'Backlog', 0, 1, 0, null],
    ]);
    expect(s.groups[2]!.counts).toEqual({ done: 0, 'in-progress': 1, pending: 1, blocked: 0, cancelled: 1, none: 0 });
    expect(s.total).toMatchObject({ done: 3, total: 7, percent: 43 });
  });

  it('counts a week-table row where it stands, once, like every task list shows', async () => {
    const s = await summary(
      [
        '## Sprint 1',
        '',
        '| Week | Focus | Status |',
        '|---|---|---|',
        '| 1 | Setup | ✅ |',
        '| 2 | Build | ⏳ |',
        '',
        '## Week 2',
        '',
        rows('2.1 | a | ✅', '2.2 | b | ⏳'),
      ].join('\n'),
    );
    expect(s.groups.map((g) => [g.depth, g.name, g.done, g.total])).toEqual([
      [0, 'Sprint 1', 1, 2],
      [0, 'Week 2', 1, 2],
    ]);
    expect(s.total).toMatchObject({ done: 2, total: 4 });
  });

  it('keeps a scope heading that holds every task: only a title naming no scope is left to the file line', async () => {
    const s = await summary(['# Sprint 4', '', rows('1 | a | ✅', '2 | b | ⏳')].join('\n'));
    expect(s.groups.map((g) => [g.kind, g.value, g.done, g.total])).toEqual([['sprint', '4', 1, 2]]);
  });

  it('takes the finest scope a heading names and honours filters', async () => {
    const s = await summary(['## Sprint 3, Week 2', '', rows('1 | a | ✅', '2 | b | ⏳')].join('\n'), { status: 'open' });
    expect(s.groups.map((g) => [g.kind, g.value, g.done, g.total])).toEqual([['week', '2', 0, 1]]);
  });
});

describe('percent', () => {
  it('rounds, but never to 0 once something is done nor to 100 while something is left', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(1, 300)).toBe(1);
    expect(percentOf(299, 300)).toBe(99);
    expect(percentOf(0, 0)).toBeNull();
  });
});
