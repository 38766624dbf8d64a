// The group a task is listed under, and heading text without its decoration.
import { describe, expect, it } from 'vitest';
import { buildFromText } from '../../src/load/load.js';
import { groupRuns, headingLabel, taskGroup } from '../../src/query/group.js';

describe('headingLabel', () => {
  it('drops decorative emoji and a status written after the name', () => {
    expect(headingLabel('Week 1: VictoriaMetrics Foundation (IN PROGRESS)')).toBe('Week 1: VictoriaMetrics Foundation');
    expect(headingLabel('📋 Weekly Checklist')).toBe('Weekly Checklist');
    expect(headingLabel('Week 6 ✅ 🆕')).toBe('Week 6');
    expect(headingLabel('Phase 1: Foundation - DONE')).toBe('Phase 1: Foundation');
    expect(headingLabel('Sprint 3 — ✅ Complete')).toBe('Sprint 3');
    expect(headingLabel('Milestone 2 [done]')).toBe('Milestone 2');
    expect(headingLabel('2. Repository Pattern ✅ 100%')).toBe('2. Repository Pattern');
  });

  it('keeps what is not decoration: parentheses that are no status, status words that say more', () => {
    expect(headingLabel('Immediate (Sprint 8) - Unified Execution Strategy')).toBe('Immediate (Sprint 8) - Unified Execution Strategy');
    expect(headingLabel('Release 1.0 (Q3)')).toBe('Release 1.0 (Q3)');
    expect(headingLabel('Horizon 1 — ✅ Shipped (v1.14, released 2026-05-14)')).toBe('Horizon 1 — Shipped (v1.14, released 2026-05-14)');
    expect(headingLabel('✅')).toBe('✅');
  });
});

describe('taskGroup', () => {
  it('is the nearest heading naming a scope, else the nearest heading', async () => {
    const plan = await buildFromText(
      '/nonexistent/plan.md',
      ['# Plan', '', '## Sprint 2', '', '### Backend', '', '- [ ] 2.1 a', '', '## Ideas', '', '- [ ] 3.1 b', ''].join('\n'),
      false,
    );
    expect(plan.tasks.map(taskGroup)).toEqual(['Sprint 2', 'Ideas']);
    expect(groupRuns(plan.tasks).map((g) => [g.label, g.tasks.map((t) => t.id)])).toEqual([
      ['Sprint 2', ['2.1']],
      ['Ideas', ['3.1']],
    ]);
  });

  it('files a heading that is a task of its own (`## Sprint 2 ✅`) under the heading above it', async () => {
    const plan = await buildFromText('/nonexistent/plan.md', ['# Plan', '', '## Sprint 2 ✅', '', '- [ ] 2.1 a', ''].join('\n'), false);
    expect(plan.tasks.map((t) => [t.id, t.kind, taskGroup(t)])).toEqual([
      ['S2', 'parent', 'Plan'],
      ['2.1', 'task', 'Sprint 2'],
    ]);
  });
});
