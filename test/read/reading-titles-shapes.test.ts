// Titles and ids by the shape of a line (issue 20, reader area B): each rule states something true
// of planning files in general, in made-up plans of several languages; each failed before the
// reader learnt it.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';
import { doc } from '../helpers/read-plan.js';

async function tasksOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, notes: t.notes }));
}

describe('a parenthesis right after a bold lead', () => {
  it('qualifies the lead and is part of the title; a priority there is not', async () => {
    const tasks = await tasksOf(
      doc(
        '# Plan',
        '',
        '- [ ] **Streaks** (days in a row) — not built yet',
        '- [ ] **Página de ayuda** (`/ayuda`) — enlaces rotos en el pie',
        '- [ ] **Fenêtres glissantes** (au moins 2):',
        '- [x] **Export CSV** (HIGH): one file per board',
        '- [ ] **Suche** (P1) — Volltext über alle Karten',
      ),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Streaks (days in a row)', 'pending'],
      ['Página de ayuda (/ayuda)', 'pending'],
      ['Fenêtres glissantes (au moins 2)', 'pending'],
      ['Export CSV: one file per board', 'done'],
      ['Suche', 'pending'],
    ]);
  });
});
