// Ids, titles and owners as people write them (issue 20, items 1 and 5): rules
// found by reading the misreadings of the hold-out set's fourth batch that
// recur across files. Small synthetic plans; each rule failed before the
// reader learnt it.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';

async function tasksOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => ({ id: t.id, title: t.title, owner: t.owner ?? null }));
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('a column of running numbers beside a column of ids', () => {
  it('counts the rows: the ids are the other column', async () => {
    const tasks = await tasksOf(
      doc(
        '# Backlog',
        '',
        '| # | ID | Story | Owner | Status |',
        '|---|----|-------|-------|--------|',
        '| 1 | K0 | Set up the repository | Ana | ✅ |',
        '| 2 | K1 | Draw the data model | Ben | ✅ |',
        '| 3 | UX1-A | Create a shift | Ana | ⬜ |',
        '| 4 | UX1-B | Cancel a shift | Ben | ⬜ |',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['K0', 'Set up the repository'],
      ['K1', 'Draw the data model'],
      ['UX1-A', 'Create a shift'],
      ['UX1-B', 'Cancel a shift'],
    ]);
  });

  it('but a column of amounts (`2d`, `3h`) or one with blanks is not a column of ids', async () => {
    const tasks = await tasksOf(
      doc(
        '# Backlog',
        '',
        '| ID | Task | Status | Depends | Est |',
        '|----|------|--------|---------|-----|',
        '| 1 | Set up the repository | pending | | 2d |',
        '| 2 | Draw the data model | pending | 1 | 3d |',
        '| 3 | Create a shift | pending | 2 | 1h |',
      ),
    );
    expect(tasks.map((t) => t.id)).toEqual(['1', '2', '3']);
  });

  it('while numbers that are the only ids stay the ids', async () => {
    const tasks = await tasksOf(
      doc('# Backlog', '', '| # | Story | Status |', '|---|-------|--------|', '| 1 | Set up the repository | ✅ |', '| 2 | Draw the data model | ⬜ |'),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['1', 'Set up the repository'],
      ['2', 'Draw the data model'],
    ]);
  });
});

describe('an owner field nested under a list item', () => {
  it('names the owner of that item, in any owner word the reader knows', async () => {
    const tasks = await tasksOf(
      doc(
        '# Board',
        '',
        '- [x] **Wire the lights**',
        '  - **Responsable:** Ana Ruiz',
        '  - **Layer:** Hall',
        '- [ ] **Paint the hall**',
        '  - *Notes:* two coats',
        '  - **Assignee:** Ben',
        '- [ ] **Fit the doors**',
        '  - **Layer:** Hall',
      ),
    );
    expect(tasks.map((t) => [t.title, t.owner])).toEqual([
      ['Wire the lights', 'Ana Ruiz'],
      ['Paint the hall', 'Ben'],
      ['Fit the doors', null],
    ]);
  });

  it('but an owner field under a heading still names the heading task, not a task above it', async () => {
    const tasks = await tasksOf(doc('# Plan', '', '## Task 1: Wire the lights', '', '- **Owner:** Ana', '- **Status:** Done', ''));
    expect(tasks.map((t) => [t.id, t.owner])).toEqual([['Task 1', 'Ana']]);
  });
});

describe('a word and a number before a colon, rising on sibling items', () => {
  it('is the id, in any language, and the title is what follows', async () => {
    const tasks = await tasksOf(
      doc(
        '# Board',
        '',
        '## Stage 1',
        '',
        '- [x] **Tarjeta 1: Limpiar la solución**',
        '- [x] **Tarjeta 2: Crear el contexto**',
        '',
        '## Stage 2',
        '',
        '- [ ] Karte 3: Seed the data',
        '- [ ] Karte 4 — Write the tests',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['Tarjeta 1', 'Limpiar la solución'],
      ['Tarjeta 2', 'Crear el contexto'],
      ['Karte 3', 'Seed the data'],
      ['Karte 4', 'Write the tests'],
    ]);
  });

  it('while a word and a number written once, or numbers that do not rise, are part of the title', async () => {
    const tasks = await tasksOf(doc('# Board', '', '- [ ] Funnel 2: tune the ads', '- [ ] Launch 3: invite users', '- [ ] Launch 1: invite friends'));
    expect(tasks.map((t) => t.title)).toEqual(['Funnel 2: tune the ads', 'Launch 3: invite users', 'Launch 1: invite friends']);
    expect(tasks.every((t) => t.id.startsWith('@'))).toBe(true);
  });
});

describe('days of a timeline before a colon', () => {
  it('say when, not which task: the title follows, and no id', async () => {
    const tasks = await tasksOf(doc('# Log', '', '### Done', '- Day 1: Project setup', '- Day 2: Parser', ''));
    expect(tasks.map((t) => t.title)).toEqual(['Project setup', 'Parser']);
    expect(tasks.every((t) => t.id.startsWith('@'))).toBe(true);
  });
});
