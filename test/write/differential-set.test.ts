// Differential test of `set` (test/write/differential-set.ts), on the seed and texts of our own
// (the corpus: test/write/corpus-sweep-*.test.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SEED } from '../helpers/run.js';
import { differential } from './differential-set.js';

describe('set to every status and back, on every task', () => {
  it('the seed', async () => {
    const r = await differential(readFileSync(SEED, 'utf8'));
    expect(r.tasks).toBe(24);
    expect(r.steps).toBeGreaterThan(80);
  });

  // A title that is itself a status word, under a status heading and beside
  // other items: `- ✅ Fixed` would read as a legend entry and the task vanish.
  const WORDS = ['Fixed', 'ok', 'Done', 'Blocked', 'Next', 'Pending', 'In progress', 'Cancelled'];
  for (const heading of ['Todo', 'Done', 'In Progress', 'Backlog']) {
    it(`titles that are status words, under ## ${heading}`, async () => {
      const items = (box: string) => WORDS.map((w, i) => `- ${box}${w}${i % 3 === 2 ? ' @ana' : ''}\n`).join('');
      for (const box of ['', '[ ] ']) {
        const ordered = WORDS.map((w, i) => `${i + 1}. ${box}${w}\n`).join('');
        const text = `# Plan\n\n## ${heading}\n\n${items(box)}\n## ${heading} too\n\n${ordered}`;
        const r = await differential(text);
        expect(r.tasks).toBe(WORDS.length * 2);
      }
    });
  }

  // A board: the status is the section; a task set to a status that has a section moves there.
  for (const box of ['', '[ ] ']) {
    it(`a board of ${box ? 'boxed ' : ''}items, moved from section to section`, async () => {
      const done = box ? '[x] ' : '';
      const r = await differential(
        [
          '# Board',
          '',
          '## Todo',
          '',
          `- ${box}Write the parser`,
          '  - read tables',
          `- ${box}Add tests @ana`,
          '',
          '## In Progress',
          '',
          `* ${box}Design the model`,
          '',
          '## Done',
          '',
          `- ${done}Set up the repo`,
          '',
          `- ${done}Pick a name`,
          '',
          '## Blocked',
          '',
        ].join('\n'),
      );
      expect(r.tasks).toBe(5);
      expect(r.steps).toBe(25);
    });
  }

  it('items whose words decide over their box or mark, and rows under group rows', async () => {
    const r = await differential(
      [
        '# Yard',
        '',
        '- [x] Rebuild the bays ✓ **PARTIALLY DONE**',
        '- [ ] Lay turf (SKIPPED - keeping gravel)',
        '- 🚧 v2 app (blocked on step 4)',
        '',
        '| Sprint | Ticket ID | Work | Crew | Status |',
        '|---|---|---|---|---|',
        '| Sprint 1 | | Groundwork | | |',
        '| | GW-1 | Dig the trench | Ana | Done |',
        '| | GW-2 | Pour the footing | Bo | Doing |',
        '',
      ].join('\n'),
    );
    expect(r.tasks).toBe(5);
    expect(r.steps).toBe(25);
  });
});
