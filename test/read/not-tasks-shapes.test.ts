// Shapes that look like tasks in real planning files but are not: each rule on
// a small made-up plan, read as a person reads it.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

async function tasksOf(markdown: string): Promise<{ line: number; title: string; status: string }[]> {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, markdown);
  const { plan } = await loadPlan(path, false, false);
  return plan.tasks.map((t) => ({ line: t.line, title: t.title, status: t.status }));
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('a row of a form still to fill in', () => {
  it('is no task: only its status cell is written (`| ✅ Done | | |`)', async () => {
    const plan = doc(
      '# Sprint 3',
      '',
      '| Task | Status |',
      '|---|---|',
      '| Set up the repo | ✅ |',
      '',
      '## Standup, day 1',
      '',
      '| | Ana | Bo |',
      '|--|--|--|',
      '| ✅ Done | | |',
      '| 🔜 Next | | |',
      '| ⛔ Blocked | | |',
    );
    expect(await tasksOf(plan)).toEqual([{ line: 5, title: 'Set up the repo', status: 'done' }]);
  });

  it('is no task as a tally of tasks by status: no cell but the status has a word (`| Done | 9 |`, `| Pending | ██░ 40% |`)', async () => {
    const plan = doc(
      '# Export',
      '',
      '| Dashboard | |',
      '|---|---|',
      '| Done | 9 |',
      '| In Progress | 0 |',
      '| Pending | ███░░ 40% |',
      '',
      '| ID | Title | Status |',
      '|---|---|---|',
      '| 1 | Set up the repo | done |',
      '| 2 | 12 | pending |',
      '',
      '| Task | Status |',
      '|---|---|',
      '| 2.0 → 3.0 | Todo |',
      '',
      '| Status | Count |',
      '|---|---|',
      '| ✅ Done | 1 |',
      '| 🔄 In Progress | 0 |',
      '',
      '| Task | Status | Progress |',
      '|---|---|---|',
      '| | In Progress | 70% |',
    );
    // A row with an id and a title of digits alone stays a task, and so does a row of a table whose header names its
    // title column (`plan add "2.0 → 3.0"` writes one); the tally rows, in a table whose header names nothing, do not.
    expect(await tasksOf(plan)).toEqual([
      { line: 11, title: 'Set up the repo', status: 'done' },
      { line: 12, title: '12', status: 'pending' },
      { line: 16, title: '2.0 → 3.0', status: 'pending' },
    ]);
  });
});

describe('a status legend', () => {
  it('is no tasks as a table under a legend heading, whatever its rows say', async () => {
    const plan = doc(
      '# Board',
      '',
      '## Legend',
      '',
      '| Status | Meaning |',
      '|---|---|',
      '| TODO | not started |',
      '| DONE | merged |',
      '',
      '## Tasks',
      '',
      '- [x] Ship it',
    );
    expect(await tasksOf(plan)).toEqual([{ line: 12, title: 'Ship it', status: 'done' }]);
  });

  it('is named by "status" and a word for its marks, in other languages too (`状态图例`, `상태 표시`)', async () => {
    const table = ['| 状态 | 说明 |', '|---|---|', '| TODO | 待开始 |', '| DONE | 已完成 |'];
    const items = ['- ✅ **원형 존재** — 동작하는 구현이 있음', '- ⏳ **계획** — 아직 완성되지 않음'];
    const plan = doc('# 计划', '', '## 状态图例', '', ...table, '', '## 상태 표시', '', ...items, '', '## 任务', '', '- [ ] 写测试');
    expect(await tasksOf(plan)).toEqual([{ line: 17, title: '写测试', status: 'pending' }]);
  });
});
describe('a measure with the percent sign first (`Kapsam: %95 ✅`)', () => {
  it('is a figure, not a task, as `Coverage: 95% ✅` is', async () => {
    const plan = doc('# Plan', '', '## Quality', '', '- Test kapsamı: %95 ✅', '- Coverage: 95% ✅', '', '## Tasks', '', '- ✅ Write the report');
    expect(await tasksOf(plan)).toEqual([{ line: 10, title: 'Write the report', status: 'done' }]);
  });
});

describe('the conditions of done, in any language (`## Done criteria`, `## 完了条件`, `## 완료 기준`)', () => {
  it('are criteria, not tasks in a lane named by the state, as `Definition of Done` is', async () => {
    const conditions = (heading: string) =>
      doc('# Plan', '', '## Tasks', '- [ ] Build it', '', `## ${heading}`, '- Coverage above eighty percent', '1. **Docs**: in the wiki');
    for (const heading of ['Done criteria', '完了条件', '完成标准', '완료 기준', '里程碑达成条件', 'Done when']) {
      expect(await tasksOf(conditions(heading)), heading).toEqual([{ line: 4, title: 'Build it', status: 'pending' }]);
    }
  });

  it('leave work alone whose name only holds such a word (`検索条件の追加`, `标准化改造`, `기준정보 관리`)', async () => {
    for (const heading of ['検索条件の追加', '标准化改造', '기준정보 관리 기능', '前提条件の確認']) {
      const plan = doc('# Plan', '', `## ${heading}`, '- ✅ Keyword search', '- ⏳ Saved filters');
      expect(await tasksOf(plan), heading).toEqual([
        { line: 4, title: 'Keyword search', status: 'done' },
        { line: 5, title: 'Saved filters', status: 'pending' },
      ]);
    }
  });
});

describe('a status cell that defers the work to a later time (`Deferred to Sprint 3`)', () => {
  it('reads as still to do, where `Deferred` alone reads as set aside', async () => {
    const plan = doc(
      '# Sprint 2',
      '',
      '| ID | Task | Status |',
      '|---|---|---|',
      '| A-1 | Map screen | Deferred to Sprint 3 |',
      '| A-2 | Sound | Deferred |',
      '| A-3 | Music | DEFERRED (Sprint 7) |',
    );
    expect((await tasksOf(plan)).map((t) => t.status)).toEqual(['pending', 'blocked', 'pending']);
  });
});

describe('a field list under a heading task', () => {
  it('is no task where a bold-labelled item reads as a status (`- **Review:** _open_` after `- **Finding:** …`)', async () => {
    const plan = doc(
      '# Backlog',
      '',
      '## Open',
      '',
      '### A-01 Fix the filter',
      '- **Finding:** The filter never applies.',
      '- **Proposal:** Check the type first.',
      '- **Review:** _open_',
    );
    expect(await tasksOf(plan)).toEqual([{ line: 5, title: 'Fix the filter', status: 'pending' }]);
  });

  it('holds the steps nested under an empty field (`- **Steps**:`) as its value, not as tasks', async () => {
    const plan = doc(
      '# Sprint',
      '',
      '### TASK-014: Manual testing',
      '- **Status**: ✅ Done',
      '- **Steps**:',
      '  1. Desktop shows three columns ✅',
      '  2. Mobile shows one column ✅',
      '- **Result**: All breakpoints work',
    );
    expect(await tasksOf(plan)).toEqual([{ line: 3, title: 'Manual testing', status: 'done' }]);
  });
});

describe('a row that names several tasks at once', () => {
  it('is no task when its name is only a list or a range of ids (`HU-01, HU-02`, `TT-01 to TT-03`)', async () => {
    const plan = doc(
      '# Board',
      '',
      '| ID | Task | Status |',
      '|---|---|---|',
      '| HU-01 | Log in | Done |',
      '| HU-02 | Log out | Done |',
      '',
      '## Card history',
      '',
      '| Cards | Path | Status |',
      '|---|---|---|',
      '| HU-01, HU-02 | Ready → Done | Done |',
      '| TT-01 to TT-03 | Ready → Done | Done |',
    );
    expect(await tasksOf(plan)).toEqual([
      { line: 5, title: 'Log in', status: 'done' },
      { line: 6, title: 'Log out', status: 'done' },
    ]);
  });
});

describe('a heading over a table in a lane of a board', () => {
  it('is the table’s caption, not a card', async () => {
    const plan = doc(
      '# Board',
      '',
      '## Todo',
      '',
      '### Paint the fence',
      '',
      '## Doing',
      '',
      '### Fix the gate',
      '',
      '## Done',
      '',
      '### Technical tasks',
      '',
      '| ID | Task | Status |',
      '|---|---|---|',
      '| TT-01 | Set up the build | Done |',
    );
    expect((await tasksOf(plan)).map((t) => t.line)).toEqual([5, 9, 17]);
  });
});

describe('marks listed under a lead-in that names a legend', () => {
  it('are explained, not work (`**Priority Legend:**`, `**Category Icons (for Ideas):**`); a list under another lead-in still is', async () => {
    const plan = [
      '# Board',
      '',
      '**Priority Legend:**',
      '- 🔴 **P1** = High priority',
      '- 🟡 **P2** = Medium priority',
      '',
      '**Category Icons (for Ideas):**',
      '- ✅ **[TEST]**: Testing improvements',
      '- 🚧 **[WIP]**: Work under way',
      '',
      '**Key deliverables:**',
      '- ✅ Ship the form',
      '',
    ].join('\n');
    expect(await tasksOf(plan)).toEqual([{ line: 12, title: 'Ship the form', status: 'done' }]);
  });
  it('are work where the lead-in or heading only ends with such a word (`**Rotate the API key:**`, `## Build the map legend`)', async () => {
    const plan = doc(
      '# Plan',
      '',
      '## Sprint 3',
      '',
      '**Rotate the API key:**',
      '',
      '- [ ] Generate a new key',
      '',
      '**Redraw app icons**',
      '',
      '- [ ] Draw the 512px icon',
      '',
      '## Build the map legend',
      '',
      '- [x] Render the legend box',
    );
    expect((await tasksOf(plan)).map((t) => t.line)).toEqual([7, 11, 15]);
  });
});

describe('marked bullets in a change log', () => {
  it('report work done before, under dated lead-ins or sub-headings, in any of its names (`## Changelog`, `## Historia Zmian`)', async () => {
    const plan = doc(
      '# Plan',
      '',
      '## Sprint 1',
      '',
      '- [ ] Ship the form',
      '',
      '## 📝 Historia Zmian',
      '',
      '**2026-01-03:**',
      '- ✅ Utworzono README.md',
      '- 🔄 Rozpoczęto ETAP 1',
      '',
      '## Changelog',
      '',
      '### 2026-01-20',
      '- ✅ Added the importer',
    );
    expect(await tasksOf(plan)).toEqual([{ line: 5, title: 'Ship the form', status: 'pending' }]);
  });
});

describe('a table that traces tasks listed elsewhere to the plan', () => {
  it('is no tasks where each row gives a listed task’s id and only a phase, a sprint or a number', async () => {
    const plan = doc(
      '# Requirements',
      '',
      '- [x] **AUTH-01**: User can log in',
      '- [ ] **AUTH-02**: User can log out',
      '',
      '## Traceability',
      '',
      '| Requirement | Phase | Status |',
      '|---|---|---|',
      '| AUTH-01 | Phase 1 | Complete |',
      '| AUTH-02 | Phase 2 | Pending |',
      '',
      '## Work',
      '',
      '| ID | Task | Status |',
      '|---|---|---|',
      '| AUTH-03 | Phase 3 | Pending |',
      '| AUTH-04 | Phase 3 | Pending |',
    );
    // The last table's ids are listed nowhere else: its rows are tasks, whatever they are called.
    expect(await tasksOf(plan)).toEqual([
      { line: 3, title: 'User can log in', status: 'done' },
      { line: 4, title: 'User can log out', status: 'pending' },
      { line: 17, title: 'Phase 3', status: 'pending' },
      { line: 18, title: 'Phase 3', status: 'pending' },
    ]);
  });

  it('is the tasks’ board where the tasks listed say no status of their own', async () => {
    const plan = doc(
      '# Backlog',
      '',
      '- **US-1**: As a user I can sign up',
      '- **US-2**: As a user I can sign in',
      '',
      '| Story | Sprint | Status |',
      '|---|---|---|',
      '| US-1 | Sprint 1 | Done |',
      '| US-2 | Sprint 1 | In progress |',
    );
    expect(await tasksOf(plan)).toEqual([
      { line: 3, title: 'As a user I can sign up', status: 'none' },
      { line: 4, title: 'As a user I can sign in', status: 'none' },
      { line: 8, title: 'Sprint 1', status: 'done' },
      { line: 9, title: 'Sprint 1', status: 'in-progress' },
    ]);
  });
});
