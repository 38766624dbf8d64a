// Which lines of a plan are tasks where the tasks carry no status of their own
// (issue 20, "every task a person sees, and only tasks"): one synthetic plan per rule.
import { describe, expect, it } from 'vitest';
import { doc, planFiles } from '../helpers/read-plan.js';

const { readTasks } = planFiles();

describe('cards: headings in the lanes of a board', () => {
  const board = doc(
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
    '  - workload: Easy',
    '',
    '## In Progress',
    '',
    '### Mow the lawn',
    '',
    '  - steps:',
    '      - [x] 1. Fuel the mower',
    '      - [ ] 2. Cut the edges',
    '',
    '## Done',
    '',
    '### Plant the hedge',
    '',
    'Finished in spring.',
  );

  it('are tasks with the status of their lane, holding their steps', async () => {
    const tasks = await readTasks(board);
    expect(tasks.map((t) => [t.line, t.title, t.status, t.group])).toEqual([
      [5, 'Paint the fence', 'pending', 'Backlog'],
      [9, 'Fix the gate', 'pending', 'Backlog'],
      [15, 'Mow the lawn', 'in-progress', 'In Progress'],
      [18, 'Fuel the mower', 'done', 'Mow the lawn'],
      [19, 'Cut the edges', 'pending', 'Mow the lawn'],
      [23, 'Plant the hedge', 'done', 'Done'],
    ]);
  });

  it('take the state a tag of theirs names over their lane (`tags: [Out of Scope, …]` in the Backlog)', async () => {
    const tasks = await readTasks(board.replace('[Sprint 3]', '[Out of Scope, Epic: Garden]'));
    expect(tasks.slice(0, 2).map((t) => [t.title, t.status])).toEqual([
      ['Paint the fence', 'cancelled'],
      ['Fix the gate', 'pending'],
    ]);
  });

  it('not where the headings under the lanes are categories that hold the tasks', async () => {
    const tasks = await readTasks(
      doc(
        '# Board',
        '',
        '## Todo',
        '',
        '### Backend',
        '',
        '- [ ] Add the login route',
        '',
        '### Frontend',
        '',
        '- [ ] Draw the login form',
        '',
        '## Done',
        '',
        '### Backend',
        '',
        '- [x] Set up the server',
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Add the login route', 'Draw the login form', 'Set up the server']);
  });

  it('not under a single heading that names a state (a document section, not a board)', async () => {
    const tasks = await readTasks(doc('# Notes', '', '## Done', '', '### How we deploy', '', 'We push to main.', '', '### Who to ask', '', 'Ana.'));
    expect(tasks).toEqual([]);
  });
});

describe('tables of work without a status column', () => {
  it('a Task column beside an owner column is a plan of work: each row a task, with no status where none is written', async () => {
    const tasks = await readTasks(
      doc(
        '# Goals',
        '',
        '### Garden',
        '',
        '| Task | Owner(s) or team(s) | Notes |',
        '|---|---|---|',
        '| Paint the fence | @ana | |',
        '| Fix the gate | @bo | Stretch goal |',
      ),
    );
    expect(tasks.map((t) => [t.line, t.title, t.status, t.owner, t.group])).toEqual([
      [7, 'Paint the fence', 'none', '@ana', 'Garden'],
      [8, 'Fix the gate', 'none', '@bo', 'Garden'],
    ]);
  });

  it('an owner cell of bracketed names (references a site generator fills in) names them; one still to be decided names nobody', async () => {
    const tasks = await readTasks(
      doc(
        '| Task | Owner(s) or team(s) | Notes |',
        '|---|---|---|',
        '| Review the plan | ![Team][] [lang], [types] | |',
        '| Write the guide | TBD (@ana, @bo, or @cy) | |',
        '| Print the guide | [docs] | |',
      ),
    );
    expect(tasks.map((t) => t.owner)).toEqual(['lang, types', null, 'docs']);
  });

  it('not a table of things and who looks after them (`Component | Owner`), nor a Task column alone', async () => {
    const tasks = await readTasks(
      doc(
        '# Team',
        '',
        '| Component | Owner |',
        '|---|---|',
        '| Billing | @ana |',
        '| Search | @bo |',
        '',
        '| Task | Notes |',
        '|---|---|',
        '| Deploy | Run make deploy |',
        '| Backup | Nightly at 2am |',
      ),
    );
    expect(tasks).toEqual([]);
  });
});

describe('a to-do file written as sections', () => {
  const todo = doc(
    '# TODO intro',
    '',
    'Things we could do. Bring them up on the list first.',
    '',
    '# Garden',
    '',
    '## Paint the `fence`',
    '',
    'The fence is peeling. Should it not be painted?',
    '',
    '## GATE-2 Fix the gate',
    '',
    'It sticks in wet weather:',
    '',
    '- the hinge is rusty',
    '- the post leans',
    '',
    '# House',
    '',
    '## Clean the gutters',
    '',
    'Leaves again.',
  );

  it('whose first heading says its work is still to do, and which marks no tasks: each section under a topic is a thing to do', async () => {
    const tasks = await readTasks(todo);
    expect(tasks.map((t) => [t.line, t.title, t.status, t.group, t.idFromFile ? t.id : null])).toEqual([
      [7, 'Paint the fence', 'pending', 'Garden', null],
      [11, 'Fix the gate', 'pending', 'Garden', 'GATE-2'],
      [20, 'Clean the gutters', 'pending', 'House', null],
    ]);
  });

  it('a section marked done is done; not a document whose first heading is not a to-do list, nor a to-do file that marks its tasks', async () => {
    const plain = await readTasks(todo.replace('# TODO intro', '# Introduction'));
    expect(plain.map((t) => [t.title, t.status])).toEqual([['Fix the gate', 'none']]);
    const done = await readTasks(todo.replace('## Paint the `fence`', '## Paint the `fence` ✅'));
    expect(done.map((t) => [t.title, t.status])).toEqual([
      ['Paint the fence', 'done'],
      ['Fix the gate', 'pending'],
      ['Clean the gutters', 'pending'],
    ]);
    const marked = await readTasks(todo.replace('Leaves again.', '- [ ] Buy a ladder'));
    expect(marked.map((t) => [t.title, t.status])).toEqual([
      ['Fix the gate', 'none'],
      ['Buy a ladder', 'pending'],
    ]);
  });
});

describe('only tasks', () => {
  it('a column that rates a risk with coloured marks (`Risk level`, `风险等级`) is a rating, not a status: the table is no plan', async () => {
    for (const header of ['Risk level', '风险等级', 'Impact']) {
      const tasks = await readTasks(
        doc(
          '# Milestones',
          '',
          `| Milestone | ${header} | Main risk | Response |`,
          '|---|---|---|---|',
          '| Groundwork | 🟢 Low | None | Go on |',
          '| Walls | 🟡 Medium | Late timber | Order early |',
          '| Roof | 🟢 Low | Weather | Tarp |',
        ),
      );
      expect(tasks, header).toEqual([]);
    }
  });
});

describe('counts', () => {
  it('a bold label over a count (`**Done**: 12 ✅`, `**P0 tasks**: 7个 (7 done)`) states a figure, not a task', async () => {
    const tasks = await readTasks(
      doc(
        '# Report',
        '',
        '### Figures',
        '',
        '- **Total tasks**: 12',
        '- **Done**: 12 ✅',
        '- **In progress**: 0 🚧',
        '- **P0 tasks**: 7个 (7 done)',
        '',
        '### Work',
        '',
        '- **Pour the slab**: 2 days ✅',
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Pour the slab']);
  });
});

describe('templates', () => {
  it('a checklist with blanks to fill in (`XXXX`, `YYYY-MM-DD`) is a template to copy, not tasks; a list beside it is read', async () => {
    const tasks = await readTasks(
      doc(
        '# Plan',
        '',
        '### Milestone report',
        '- [ ] **Milestone**: XXXX',
        '- [ ] **Finished on**: YYYY-MM-DD',
        '- [ ] **Deliverables**:',
        '  1. Deliverable 1 ✅',
        '  2. Deliverable 2 ⏳',
        '- [ ] **Lessons**:',
        '',
        '### Work',
        '- [ ] Pour the slab',
        '- [x] Remove the XXX markers',
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Pour the slab', 'Remove the XXX markers']);
  });
});

describe('titles', () => {
  it('the day of a schedule before a colon (`Day 3: Lay the turf`) says when, not what: the title is what follows', async () => {
    const tasks = await readTasks(
      doc('# Garden', '', '### Done ✅', '- Day 1: Clear the plot', '- Day 2: Lay the turf', '- [ ] Daylight check: trim the hedge'),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Clear the plot', 'done'],
      ['Lay the turf', 'done'],
      ['Daylight check: trim the hedge', 'pending'],
    ]);
  });
});
