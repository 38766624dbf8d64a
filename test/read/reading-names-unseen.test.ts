// Titles, ids and owners of plans the reader was not tuned on (issue 20, second round): each rule here states
// something true of planning files in general, and each failed before the reader learnt it.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';
import { doc } from '../helpers/read-plan.js';

async function tasksOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, owner: t.owner }));
}

describe('codes in brackets before a colon, after the id', () => {
  it('cite the requirements the task meets: out of the title', async () => {
    const tasks = await tasksOf(doc('# Backlog', '', '- [ ] ST-12 (REQ-AUTH-3): Protect the API', '- [x] ST-13 (REQ-UI-1, REQ-UI-4): Draw the timer'));
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['ST-12', 'Protect the API'],
      ['ST-13', 'Draw the timer'],
    ]);
  });
});

describe('a bold lead that the sentence goes on from', () => {
  it('is titled with the words after it when no separator sets them apart', async () => {
    const tasks = await tasksOf(
      doc(
        '# Week',
        '',
        '- [ ] **Book the hall** for the spring fair',
        '- [ ] **Ask the printer**, then order the posters',
        '- [x] **Port the search to Rust**（first pass）',
        '- [ ] **Order the chairs**: forty, stackable',
        '- [ ] **Paint the shed** Tuesday',
        '- [ ] **Build command:** `npm run build`',
        '- [ ] **数据导出**（P2）：导出 CSV',
        '- [ ] **插件 SDK** importer 与 exporter 的契约',
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual([
      'Book the hall for the spring fair',
      'Ask the printer, then order the posters',
      'Port the search to Rust（first pass）',
      'Order the chairs: forty, stackable',
      'Paint the shed',
      'Build command: npm run build',
      '数据导出',
      '插件 SDK',
    ]);
  });
});

describe('a heading task whose last dashed part is a date and a status', () => {
  it('is titled without that stamp', async () => {
    const tasks = await tasksOf(
      doc('# Issues', '', '## ✅ IS-4 — The form lost its input — 2026-03-02 done', '', 'Text.', '', '## IS-5 — Cache misses — fixed 2026-03-04', '', 'Text.'),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['IS-4', 'The form lost its input'],
      ['IS-5', 'Cache misses'],
    ]);
  });
});

describe('an item with an id and an arrow in the value of a field of a heading task', () => {
  it('says what became of a thing: no task of its own', async () => {
    const tasks = await tasksOf(
      doc(
        '# Fixed',
        '',
        '## ✅ IS-7 — Update the test suite',
        '- **What broke**: two tests read the old module.',
        '- **Why**: the module had moved.',
        '- **What we did**:',
        '  - T-04 → reads the new module now.',
        '  - T-05 → removed.',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([['IS-7', 'Update the test suite']]);
  });
});

describe('a heading that names a person of the roster table', () => {
  it('heads that person’s work: the tasks under it are theirs', async () => {
    const tasks = await tasksOf(
      doc(
        '# Board',
        '',
        '| Name | Role |',
        '|------|------|',
        '| **Ana** | Backend |',
        '| **Ben** | Frontend |',
        '',
        '## Stage 1',
        '',
        '### Ana (Backend)',
        '- [ ] Define the schema',
        '',
        '### Ben',
        '- [ ] Draw the pages',
        '',
        '### Docs',
        '- [ ] Write the guide',
      ),
    );
    expect(tasks.map((t) => [t.title, t.owner])).toEqual([
      ['Define the schema', 'Ana'],
      ['Draw the pages', 'Ben'],
      ['Write the guide', null],
    ]);
  });
});

describe('a number that goes on past a colon or a dot, and a dotted date', () => {
  it('are no ids: an address with its port, a day written with its year', async () => {
    const tasks = await tasksOf(
      doc(
        '# Setup',
        '',
        '- [ ] 18.01.2019: Draft the chapter',
        '- 127.0.0.1:7007 (the local address)',
        '- [ ] 1.2: Fit the sink',
        '- [ ] 1.2.3. Wire it',
        '- [ ] T-1:Build the form',
      ),
    );
    expect(tasks.map((t) => [t.id.startsWith('@') ? null : t.id, t.title])).toEqual([
      [null, '18.01.2019: Draft the chapter'],
      ['1.2', 'Fit the sink'],
      ['1.2.3', 'Wire it'],
      // Before a letter, a colon closes the id.
      ['T-1', 'Build the form'],
    ]);
  });
});
