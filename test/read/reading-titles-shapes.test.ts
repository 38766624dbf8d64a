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

describe('a word with a digit in it', () => {
  it('is a name in the sentence when a word in small letters follows it, not an id', async () => {
    const tasks = await tasksOf(
      doc(
        '# Plan',
        '',
        '- [ ] JBIG2 decoder for scanned pages',
        '- [x] FAT32 driver',
        '- [ ] LBA0 support in the boot loader',
        '- [ ] MP3 player view',
        '- [ ] Migration 0002: add users',
        '- [ ] US1: Login',
        '- [ ] AB12 Write docs',
        '- [ ] CD3 — Fix the crash',
        '- [ ] T001 Create the project',
        '- [ ] T2 set up lint',
        '- [ ] INV-01.1 check the totals',
      ),
    );
    expect(tasks.map((t) => [t.id?.startsWith('@') ? null : t.id, t.title, t.status])).toEqual([
      [null, 'JBIG2 decoder for scanned pages', 'pending'],
      [null, 'FAT32 driver', 'done'],
      [null, 'LBA0 support in the boot loader', 'pending'],
      [null, 'MP3 player view', 'pending'],
      [null, 'Migration 0002: add users', 'pending'],
      ['US1', 'Login', 'pending'],
      ['AB12', 'Write docs', 'pending'],
      ['CD3', 'Fix the crash', 'pending'],
      ['T001', 'Create the project', 'pending'],
      ['T2', 'set up lint', 'pending'],
      ['INV-01.1', 'check the totals', 'pending'],
    ]);
  });
});
