// Tasks that are headings and take their status from where they stand (the cards
// of a board whose lanes are headings, the sections of a to-do file): `set`
// moves a card's whole section to the end of its new status's lane, as a person
// dragging it would, and writes a mark in the heading where no lane says the
// status. In process, exact bytes.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function planFile(text: string): string {
  const path = join(tmp.dir, `cards-${n++}.md`);
  writeFileSync(path, text);
  return path;
}

async function idOf(path: string, title: string): Promise<string> {
  const r = await runCli(['-f', path, '--json', 'list']);
  const t = (JSON.parse(r.stdout) as { tasks: { id: string; title: string }[] }).tasks.find((x) => x.title === title);
  if (!t) throw new Error(`no task ${title}`);
  return t.id;
}

const BOARD = [
  '# Board',
  '',
  '## Backlog',
  '',
  '### Paint the fence',
  '',
  '  - tags: [Sprint 3]',
  '',
  '### Fix the gate',
  '',
  '## In Progress',
  '',
  '### Mow the lawn',
  '',
  '  - steps:',
  '      - [x] 1. Fuel the mower',
  '',
  '## Done',
  '',
  '### Plant the hedge',
  '',
  'Finished in spring.',
  '',
].join('\n');

describe('a card of a board whose lanes are headings', () => {
  it('moves with its section to the end of its new lane, no other byte changed', async () => {
    const path = planFile(BOARD);
    const r = await runCli(['-f', path, 'set', await idOf(path, 'Paint the fence'), 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const card = '### Paint the fence\n\n  - tags: [Sprint 3]\n\n';
    expect(readFileSync(path, 'utf8')).toBe(BOARD.replace(card, '') + '\n' + card.replace(/\n\n$/, '\n'));
    const back = await runCli(['-f', path, '--json', 'list']);
    const tasks = (JSON.parse(back.stdout) as { tasks: { title: string; status: string }[] }).tasks;
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Fix the gate', 'pending'],
      ['Mow the lawn', 'in-progress'],
      ['Fuel the mower', 'done'],
      ['Plant the hedge', 'done'],
      ['Paint the fence', 'done'],
    ]);
  });

  it('moves from the end of the file into a lane before the next lane, taking its steps', async () => {
    const path = planFile(BOARD);
    expect((await runCli(['-f', path, 'set', await idOf(path, 'Plant the hedge'), 'in-progress'])).code).toBe(0);
    const card = '### Plant the hedge\n\nFinished in spring.\n';
    expect(readFileSync(path, 'utf8')).toBe(
      BOARD.replace(`\n${card}`, '').replace('      - [x] 1. Fuel the mower\n', `      - [x] 1. Fuel the mower\n\n${card}`),
    );
    const moved = planFile(BOARD);
    expect((await runCli(['-f', moved, 'set', await idOf(moved, 'Mow the lawn'), 'done'])).code).toBe(0);
    const lawn = '### Mow the lawn\n\n  - steps:\n      - [x] 1. Fuel the mower\n';
    expect(readFileSync(moved, 'utf8')).toBe(BOARD.replace(`${lawn}\n`, '') + `\n${lawn}`);
  });

  it('takes a mark in its heading where the board has no lane for the status, and says so', async () => {
    const path = planFile(BOARD);
    const r = await runCli(['-f', path, 'set', await idOf(path, 'Fix the gate'), 'blocked']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the board has no section for blocked');
    expect(readFileSync(path, 'utf8')).toBe(BOARD.replace('### Fix the gate\n', '### Fix the gate ⛔\n'));
  });

  it('moves from the end of the file and back to the same bytes, the blank line that ends the file kept', async () => {
    const text = `${BOARD}\n`;
    const path = planFile(text);
    expect((await runCli(['-f', path, 'set', await idOf(path, 'Plant the hedge'), 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      text
        .replace('\n### Plant the hedge\n\nFinished in spring.\n', '')
        .replace('## In Progress', '### Plant the hedge\n\nFinished in spring.\n\n## In Progress'),
    );
    expect((await runCli(['-f', path, 'set', await idOf(path, 'Plant the hedge'), 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('stays in its lane, taking a mark, where a tag of its says another status than the lane', async () => {
    const text = BOARD.replace('[Sprint 3]', '[Out of Scope]');
    const path = planFile(text);
    expect((await runCli(['-f', path, 'set', await idOf(path, 'Paint the fence'), 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('### Paint the fence\n', '### Paint the fence ✅\n'));
  });
});

describe('a section of a to-do file', () => {
  const TODO = ['# TODO', '', '# Garden', '', '## Paint the fence', '', 'Peeling.', '', '## Fix the gate', '', 'Sticks.', ''].join('\n');

  it('takes a mark at the end of its heading, and keeps the other sections as they were', async () => {
    const path = planFile(TODO);
    const r = await runCli(['-f', path, 'set', await idOf(path, 'Paint the fence'), 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(TODO.replace('## Paint the fence\n', '## Paint the fence ✅\n'));
    const back = await runCli(['-f', path, '--json', 'list']);
    const tasks = (JSON.parse(back.stdout) as { tasks: { title: string; status: string }[] }).tasks;
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Paint the fence', 'done'],
      ['Fix the gate', 'pending'],
    ]);
    expect((await runCli(['-f', path, 'set', await idOf(path, 'Paint the fence'), 'pending'])).code).toBe(0);
    expect((await runCli(['-f', path, '--json', 'list'])).stdout).toContain('"status": "pending"');
  });
});

describe('a heading that opens with a checkbox', () => {
  const FIXES = '# Fixes\n\n## [ ] Restore the buttons\n\nBring them back.\n\n## [x] Fix the order\n';

  it('is ticked in its box, and an open box takes the mark of a status it cannot say (`[ ] ⛔`), nothing else changed', async () => {
    const path = planFile(FIXES);
    const id = await idOf(path, 'Restore the buttons');
    const steps: [string, string][] = [
      ['done', '## [x] Restore the buttons'],
      ['blocked', '## [ ] ⛔ Restore the buttons'],
      ['in-progress', '## [ ] 🔄 Restore the buttons'],
      ['pending', '## [ ] Restore the buttons'],
    ];
    for (const [to, heading] of steps) {
      const r = await runCli(['-f', path, 'set', id, to]);
      expect([to, r.code, r.stderr]).toEqual([to, 0, '']);
      expect(readFileSync(path, 'utf8')).toBe(FIXES.replace('## [ ] Restore the buttons', heading));
    }
  });
});

describe('a box in the Status field under a heading task', () => {
  // The heading's own box is written as a box; a box in a field's value is the field's words, and a write
  // replaces the words (a box there would be read before the mark, and the task would read back pending).
  const BUGS = '# Bugs\n\n### BUG-001: Landing page crashes\n- **Severity**: HIGH\n- **Status**: [x] FIXED\n';

  it('is restyled as words, and reads back as set', async () => {
    const path = planFile(BUGS);
    const r = await runCli(['-f', path, 'set', 'BUG-001', 'in-progress']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(BUGS.replace('[x] FIXED', 'In Progress'));
    const back = JSON.parse((await runCli(['-f', path, '--json', 'list'])).stdout) as { tasks: { id: string; status: string }[] };
    expect(back.tasks.map((t) => [t.id, t.status])).toEqual([['BUG-001', 'in-progress']]);
  });
});
