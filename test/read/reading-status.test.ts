// The status, group and owner a person reads on a plan the reader was not built on
// (issue 20, items 4 and 5): one synthetic plan per rule, each true of planning files in general.
import { describe, expect, it } from 'vitest';
import { doc, planFiles } from '../helpers/read-plan.js';

const { readTasks } = planFiles();

describe('a heading task that states no status', () => {
  it('is in the state of the section it stands in', async () => {
    const tasks = await readTasks(
      doc(
        '# Findings',
        '',
        '## Open',
        '',
        '### A-01 Fix the filter',
        '- **Finding:** it drops rows.',
        '',
        '### A-02 Log the errors',
        '- **Status:** blocked',
        '',
        '## Done',
        '',
        '### E-01 Escape the names',
        'Shipped in May.',
      ),
    );
    expect(tasks.map((t) => [t.line, t.id, t.status])).toEqual([
      [5, 'A-01', 'pending'],
      [8, 'A-02', 'blocked'],
      [13, 'E-01', 'done'],
    ]);
  });

  it('is in the state of a section further out, past a heading that names none', async () => {
    const tasks = await readTasks(doc('# Log', '', '## Done', '', '### Backend', '', '#### E-01 Escape the names', 'Shipped in May.'));
    expect(tasks.map((t) => [t.id, t.status, t.group])).toEqual([['E-01', 'done', 'Backend']]);
  });

  it('has none under a section that names no state', async () => {
    const tasks = await readTasks(doc('# Findings', '', '## Backend', '', '### A-01 Fix the filter', '- **Finding:** it drops rows.'));
    expect(tasks.map((t) => [t.id, t.status])).toEqual([['A-01', 'none']]);
  });
});

describe('an owner column named in the language of the file', () => {
  it.each([
    ['Właściciel', 'Ola'],
    ['Wer', 'Jonas'],
    ['Người', 'Dũng'],
    ['Sorumlu', 'Ayşe'],
    ['Eigenaar', 'Sanne'],
  ])('%s names who the row is for', async (header, person) => {
    const tasks = await readTasks(doc(`| ID | Task | ${header} | Status |`, '|---|---|---|---|', `| T1 | Fit the sink | ${person} | done |`));
    expect(tasks.map((t) => [t.id, t.owner])).toEqual([['T1', person]]);
  });
});

describe('a memo mark alone in a status cell', () => {
  it('is work written down and not begun', async () => {
    const tasks = await readTasks(doc('| # | Task | Status |', '|---|---|---|', '| H1 | Call the clinics | 📝 |', '| H2 | Draft the contract | ✅ |'));
    expect(tasks.map((t) => [t.id, t.status])).toEqual([
      ['H1', 'pending'],
      ['H2', 'done'],
    ]);
  });
});

describe('the group of a task under a file title that mentions a scope', () => {
  const streams = (title: string) =>
    doc(
      title,
      '',
      '## Sales',
      '',
      '| # | Task | Status |',
      '|---|---|---|',
      '| H1 | Call the clinics | todo |',
      '',
      '## Legal',
      '',
      '- [ ] Draft the contract',
    );

  it('is the heading inside it when the title names the document', async () => {
    const tasks = await readTasks(streams('# Sprint Backlog — Sprint #1 (1-7 July)'));
    expect(tasks.map((t) => [t.title, t.group])).toEqual([
      ['Call the clinics', 'Sales'],
      ['Draft the contract', 'Legal'],
    ]);
  });

  it('is the title when the title is the scope itself', async () => {
    const tasks = await readTasks(streams('# Sprint 2 — 21/04 to 27/04'));
    expect(tasks.map((t) => t.group)).toEqual(['Sprint 2 — 21/04 to 27/04', 'Sprint 2 — 21/04 to 27/04']);
  });

  it('is the scope when a heading of its own level follows the first', async () => {
    const tasks = await readTasks(`${streams('# Release plan — Milestone 1')}\n# Release plan — Milestone 2\n\n- [ ] Ship it\n`);
    expect(tasks.map((t) => t.group)).toEqual(['Release plan — Milestone 1', 'Release plan — Milestone 1', 'Release plan — Milestone 2']);
  });
});

describe('an item struck out between single tildes (`- ~Fix the gate~`), as GitHub strikes it', () => {
  it('is done, as one between double tildes is, and its title is the words', async () => {
    const tasks = await readTasks(
      doc(
        '# TODO',
        '',
        '- [ ] Paint the fence',
        '- ~Fix the gate~',
        '- ~~Pour the slab~~',
        '- Wait ~5 min for the glue',
        '- ~3/15 設計書、~3/31 実装',
        '- ~/.bashrc,~/.zshrc: merge them',
      ),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Paint the fence', 'pending'],
      ['Fix the gate', 'done'],
      ['Pour the slab', 'done'],
      ['Wait ~5 min for the glue', 'pending'],
      ['~3/15 設計書、~3/31 実装', 'pending'],
      ['~/.bashrc,~/.zshrc: merge them', 'pending'],
    ]);
  });
});
