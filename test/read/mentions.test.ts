// One task written in several places of a file (a milestone's summary bullet, a
// list of phases, the phase's own section) is one task: the place with its detail
// is the task, the others are its mentions (src/read/mentions.ts).
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';
import { titleWords } from '../../src/read/mentions.js';
import { Vocabulary } from '../../src/model/status.js';

const ROADMAP = `# Roadmap

## Milestone v2

- [x] Phase 15: Auth
- [ ] Phase 16: Sync

## Phase 15: Auth

**Status:** Done

- [x] 15.1 Login

## Phase 16: Sync

**Status:** In progress

- [x] 16.1 Pull
- [ ] 16.2 Push
`;

describe('a task written in several places', () => {
  it('is one task: its section is the task, the summary bullet a mention', async () => {
    const plan = await planOf(ROADMAP);
    const sixteen = plan.tasks.filter((t) => t.id === '16');
    expect(sixteen).toHaveLength(1);
    expect(sixteen[0]).toMatchObject({ line: 14, status: 'in-progress', kind: 'parent' });
    expect(sixteen[0]!.mentions!.map((m) => [m.line, m.status])).toEqual([[6, 'pending']]);
    expect(plan.tasks.map((t) => t.id)).toEqual(['15', '15.1', '16', '16.1', '16.2']);
    expect(plan.mentions).toBe(true);
  });

  it('takes the status its other places show when its heading writes none', async () => {
    const plan = await planOf('# Plan\n\n## Overview\n\n- [x] T-1 Build\n\n## Details\n\n### T-1: Build\n\nThe build, at length.\n');
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]).toMatchObject({ id: 'T-1', line: 9, status: 'done' });
  });

  it('matches titles without case, punctuation or status words, and one title may say more', async () => {
    const plan = await planOf(
      '# Plan\n\n## Summary\n\n| Id | Task | Status |\n|---|---|---|\n| A-7 | SYNC — done | ✅ |\n\n## Work\n\n- [x] A-7 Sync: push and pull\n  - [x] push\n',
    );
    expect(plan.tasks.filter((t) => t.id === 'A-7')).toHaveLength(1);
    const t = plan.tasks.find((x) => x.id === 'A-7')!;
    expect(t.line).toBe(11); // the item with steps under it holds the detail
    expect(t.mentions!.map((m) => m.line)).toEqual([7]);
    expect(titleWords('Sync ✅ Done', Vocabulary.of())).toEqual(['sync']);
  });

  it('keeps apart tasks that share an id but not a title', async () => {
    const plan = await planOf('# Plan\n\n## Overview\n\n- [ ] T-2 Write docs\n\n## Work\n\n- [ ] T-2 Fix the build\n');
    expect(plan.tasks.map((t) => t.line)).toEqual([5, 9]);
    expect(plan.mentions).toBeUndefined();
  });

  it("keeps sprint 1's 1.1 and sprint 2's 1.1 apart, even with one title, and a summary line that could be either", async () => {
    const text =
      '# Plan\n\n## Overview\n\n- [ ] 1.1 Setup\n\n## Sprint 1\n\n- [x] 1.1 Setup\n- [ ] 1.2 Model\n\n## Sprint 2\n\n- [ ] 1.1 Setup\n- [ ] 1.2 Views\n';
    const plan = await planOf(text);
    expect(plan.tasks.filter((t) => t.id === '1.1').map((t) => [t.line, t.sprint])).toEqual([
      [5, null],
      [9, '1'],
      [14, '2'],
    ]);
    expect(plan.tasks.every((t) => !t.mentions)).toBe(true);
    // Without the ambiguous summary line each sprint's 1.1 stays its own, and a summary naming one sprint's is its mention.
    const two = await planOf(text.replace('- [ ] 1.1 Setup\n\n## Sprint 1', '- [ ] 1.2 Model\n\n## Sprint 1'));
    expect(two.tasks.filter((t) => t.id === '1.1').map((t) => t.sprint)).toEqual(['1', '2']);
    expect(two.tasks.find((t) => t.id === '1.2' && t.sprint === '1')!.mentions!.map((m) => m.line)).toEqual([5]);
  });

  it('keeps two entries of one list apart (the same id twice in a section is a duplicate, not a mention)', async () => {
    const plan = await planOf('# Plan\n\n- [ ] T-3 Ship\n- [x] T-3 Ship\n');
    expect(plan.tasks).toHaveLength(2);
  });

  it('keeps two headings with one id apart: each section has its own detail', async () => {
    const plan = await planOf('# Plan\n\n## Backend\n\n### B-1: Setup ✅\n\nNotes.\n\n## Frontend\n\n### B-1: Setup 🔄\n\nMore notes.\n');
    expect(plan.tasks.map((t) => t.line)).toEqual([5, 11]);
  });

  it('keeps a row whose title only names a phase apart from other work with its id (one id says nothing more)', async () => {
    const text = [
      '# Plan',
      '',
      '## Roadmap',
      '',
      '| Step | Name | Status |',
      '|---|---|---|',
      '| 1 | Phase 1 | Done |',
      '',
      '## Tasks',
      '',
      '| # | Task | Status |',
      '|---|---|---|',
      '| 1 | Login page | Done |',
      '| 2 | Signup | Todo |',
      '',
    ].join('\n');
    const plan = await planOf(text);
    expect(plan.tasks.map((t) => [t.line, t.title])).toEqual([
      [7, 'Phase 1'],
      [13, 'Login page'],
      [14, 'Signup'],
    ]);
  });

  it('is the first place where the others hold nothing more than a dash beside it (a details table of placeholders)', async () => {
    const text = [
      '# Board',
      '',
      '## Done',
      '',
      '- [x] FEAT-001: Project Setup (Electron + Vue)',
      '- [x] FEAT-002: Global Hotkey',
      '',
      '## Feature Details',
      '',
      '| ID | Titel | Spec | Status |',
      '|----|-------|------|--------|',
      '| FEAT-001 | Project Setup | - | ✅ Done |',
      '| FEAT-002 | Global Hotkey | [Spec](specs/FEAT-002.md) | ✅ Done |',
      '',
    ].join('\n');
    const plan = await planOf(text);
    expect(plan.tasks.map((t) => [t.id, t.line, t.mentions?.map((m) => m.line)])).toEqual([
      ['FEAT-001', 5, [12]],
      ['FEAT-002', 13, [6]],
    ]);
  });
});
