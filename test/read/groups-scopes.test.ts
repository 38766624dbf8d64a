// The group a person files a task under, on plans unlike the corpus (issue 20): scope
// headings in more languages, and the headings that only look like scopes. Made-up plans;
// each rule failed before the reader learnt it.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';

async function tasksOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => ({ title: t.title, group: t.group, phase: t.phase, week: t.week, sprint: t.sprint }));
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('scope headings in Korean and Turkish', () => {
  it('reads `1단계` (number first, no space) as a stage, which outranks the people under it', async () => {
    const tasks = await tasksOf(
      doc('# 팀 보드', '', '# 1단계: 환경 세팅', '', '### 김민수', '', '- [ ] 저장소 만들기', '', '# 2 단계: 개발', '', '### 이서연', '', '- [x] 화면 그리기'),
    );
    expect(tasks.map((t) => [t.group, t.phase])).toEqual([
      ['1단계: 환경 세팅', '1'],
      ['2 단계: 개발', '2'],
    ]);
  });

  it('reads `3주차` as a week and `스프린트 4` as a sprint', async () => {
    const tasks = await tasksOf(
      doc('# 계획', '', '## 3주차 목표', '', '### 백엔드', '', '- [ ] API 설계', '', '## 스프린트 4', '', '### 프론트', '', '- [ ] 로그인'),
    );
    expect(tasks.map((t) => [t.group, t.week, t.sprint])).toEqual([
      ['3주차 목표', '3', null],
      ['스프린트 4', null, '4'],
    ]);
  });

  it('reads `Faz 1`, `Aşama 2` and `Hafta 3` as scopes over the plain sections inside them', async () => {
    const tasks = await tasksOf(
      doc(
        '# Yol haritası',
        '',
        '## Faz 1 — Temel',
        '',
        '### Geliştirici 1',
        '',
        '- [ ] Sunucu kur',
        '',
        '## Aşama 2: Oyun',
        '',
        '### Tasarım',
        '',
        '- [ ] Harita çiz',
        '',
        '## Hafta 3',
        '',
        '### Test',
        '',
        '- [ ] Duman testi',
      ),
    );
    expect(tasks.map((t) => [t.group, t.phase ?? t.week])).toEqual([
      ['Faz 1 — Temel', '1'],
      ['Aşama 2: Oyun', '2'],
      ['Hafta 3', '3'],
    ]);
  });
});

describe('a lane of a board whose note names phases', () => {
  it('groups by the sections inside it: `Done (Phase 1 + Phase 2)` says a state, not a scope', async () => {
    const tasks = await tasksOf(
      doc(
        '# Board',
        '',
        '## Doing',
        '',
        '- [ ] Trade routes',
        '',
        '## ✅ Done (Phase 1 + Phase 2 work)',
        '',
        '### Harbour rules',
        '',
        '- [x] Dock fees',
        '',
        '### Weather ✅',
        '',
        '- [x] Storm table',
      ),
    );
    expect(tasks.map((t) => t.group)).toEqual(['Doing', 'Harbour rules', 'Weather']);
  });

  it('still lets a heading that is no lane group by the scope in its note (`Focus this week (Week 1)`)', async () => {
    const tasks = await tasksOf(doc('# Log', '', '## Focus this week (Week 1)', '', '### Outputs', '', '- [ ] Ship the parser'));
    expect(tasks.map((t) => t.group)).toEqual(['Focus this week (Week 1)']);
  });
});

describe('a short name and a colon over a list, under no heading', () => {
  it('groups the list after it, as a heading would', async () => {
    const tasks = await tasksOf(doc('Shipped:', '- [x] Fog of war', '- [x] Key hints', '', 'In the works:', '- [ ] Path finding'));
    expect(tasks.map((t) => t.group)).toEqual(['Shipped', 'Shipped', 'In the works']);
  });

  it('leaves a heading to group its lists: under one the line is a sentence’s lead-in', async () => {
    const tasks = await tasksOf(doc('## Engine', '', 'Still to fix:', '- [ ] Path finding'));
    expect(tasks.map((t) => t.group)).toEqual(['Engine']);
  });
});

describe('sub-headings that recur under each section', () => {
  it('name a facet of it (`Mandatory` under each track): the section they divide groups their tasks', async () => {
    const tasks = await tasksOf(
      doc(
        '# Milestones',
        '',
        '## Track A — World',
        '',
        '### Mandatory',
        '',
        '- [ ] Terrain',
        '',
        '### Bonus (if time)',
        '',
        '- [ ] Caves',
        '',
        '## Track B — Engine',
        '',
        '### Mandatory',
        '',
        '- [ ] Renderer',
        '',
        '### Bonus',
        '',
        '- [ ] Shadows',
        '',
        '### Sound',
        '',
        '- [ ] Mixer',
      ),
    );
    expect(tasks.map((t) => t.group)).toEqual(['Track A — World', 'Track A — World', 'Track B — Engine', 'Track B — Engine', 'Sound']);
  });
});
