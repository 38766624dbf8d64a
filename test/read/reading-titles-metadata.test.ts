// Titles without the metadata written around them (issue 20, unseen plans): tags, projects, dates in
// the todo.txt way, a priority before a colon, a cited issue or pull request.
// Made-up plans; each rule failed before the reader learnt it.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';
import { doc } from '../helpers/read-plan.js';

async function titlesOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => t.title);
}

describe('trailing tokens in the todo.txt way', () => {
  it('are tags, projects and dated fields, not words of the title; an issue number stays', async () => {
    const titles = await titlesOf(
      doc(
        '# Backlog',
        '',
        '- [ ] Draw the login form #frontend',
        '- [ ] Cache the feed #backend +mobile',
        '- [x] Write the guide #docs _done:2025-11-02',
        '- [ ] Ship the export due:2026-01-15',
        '- [ ] Fix the crash in #42',
      ),
    );
    expect(titles).toEqual(['Draw the login form', 'Cache the feed', 'Write the guide', 'Ship the export', 'Fix the crash in #42']);
  });
});

describe('a priority level before a full-width colon', () => {
  it('ranks the task and is not part of its title', async () => {
    const titles = await titlesOf(doc('# 待辦', '', '- [ ] P0：整理提交批次', '- [x] P2：補上日誌輪替'));
    expect(titles).toEqual(['整理提交批次', '補上日誌輪替']);
  });
});

describe('a last dashed part citing the tracker', () => {
  it('points at the work (an issue, a pull request) and is not its name', async () => {
    const titles = await titlesOf(
      doc('# Tablero', '', '### Configurar Docker — PR #31', '', '- **Status**: Done', '', '### Subir el modelo — Issue #7', '', '- **Status**: In progress'),
    );
    expect(titles).toEqual(['Configurar Docker', 'Subir el modelo']);
  });
});

describe('a bracket in emphasis closing an item', () => {
  it('is an aside beside the name (who, why), not part of the title', async () => {
    const tasks = (await planOf(doc('# Sprint', '', '- [ ] T2 — Seed the demo data *(Ana)*', '- [x] Draw the logo _(optional)_', '- [ ] Keep (this) part')))
      .tasks;
    expect(tasks.map((t) => [t.title, t.notes])).toEqual([
      ['Seed the demo data', 'Ana'],
      ['Draw the logo', 'optional'],
      ['Keep (this) part', null],
    ]);
  });
});

describe('a circled number opening an item', () => {
  it('ranks the work in its list and is not part of its title', async () => {
    const titles = await titlesOf(doc('# Order', '', '- [ ] ① Parse the headers', '- [ ] ② Check the records', '- [ ] ⑫ Write the report'));
    expect(titles).toEqual(['Parse the headers', 'Check the records', 'Write the report']);
  });
});

describe('a dash inside a parenthesis', () => {
  it('sets apart words within it: the title does not end there; a dash after it still does', async () => {
    const titles = await titlesOf(
      doc('# Audit', '', '- [ ] Objects (shapes, pictures — the error area)', '- [ ] Controls (tabs – numbering) — check them against the spec'),
    );
    expect(titles).toEqual(['Objects (shapes, pictures — the error area)', 'Controls (tabs – numbering)']);
  });
});
