// Statuses a plan gives in its headings (issue 20): a section named for a state (`## Open`, `## In Arbeit`,
// `## Erledigt`) gives it to the plain items under it, while the same word starting a heading of something
// else (`## Open Questions`, `## Active users`) gives nothing.
import { describe, expect, it } from 'vitest';
import { doc, planFiles } from '../helpers/read-plan.js';

const { readTasks } = planFiles();

describe('a heading that names a state', () => {
  it('gives `Open` to the plain items under it, as a lane of a board', async () => {
    const tasks = await readTasks(doc('# Board', '', '## Open', '', '- Fix the gate', '- Paint the fence', '', '## Done', '', '- Pour the slab'));
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Fix the gate', 'pending'],
      ['Paint the fence', 'pending'],
      ['Pour the slab', 'done'],
    ]);
  });

  it('reads `Open tasks`, `Ready` and `Active` lanes, and the lanes of other languages', async () => {
    const tasks = await readTasks(
      doc(
        '# Board',
        '',
        '## Open tasks',
        '- Fix the gate',
        '## Ready',
        '- Order tiles',
        '## Active',
        '- Lay the floor',
        '## Offen',
        '- Streichen',
        '### In Arbeit',
        '- Fliesen legen',
        '## Erledigt',
        '- Dach decken',
        '## W trakcie',
        '- Malowanie',
      ),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Fix the gate', 'pending'],
      ['Order tiles', 'pending'],
      ['Lay the floor', 'in-progress'],
      ['Streichen', 'pending'],
      ['Fliesen legen', 'in-progress'],
      ['Dach decken', 'done'],
      ['Malowanie', 'in-progress'],
    ]);
  });

  it('gives nothing where the word starts a heading of something else', async () => {
    const tasks = await readTasks(
      doc(
        '# Design',
        '',
        '## Open Questions',
        '- Who pays for the roof?',
        '## Active users',
        '- Ana, Ben',
        '## Ready for launch when',
        '- the permit is signed',
        '## Tasks',
        '- [ ] Sign the permit',
      ),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([['Sign the permit', 'pending']]);
  });
});
