// Numbered step headings (issue 20): `### 1.2. Pour the slab - Done` under `## 1. Build`, where only some steps
// say a state: the numbered headings at the deepest level are the tasks, numbered by their outline number.
import { describe, expect, it } from 'vitest';
import { doc, planFiles } from '../helpers/read-plan.js';

const { readTasks } = planFiles();
const brief = (tasks: { id: string; title: string; status: string }[]): string[][] => tasks.map((t) => [t.id, t.title, t.status]);

describe('numbered step headings', () => {
  it('reads an outline-numbered heading with a state as a task, with or without a stop after the number', async () => {
    const tasks = await readTasks(
      doc('# Plan', '', '## Phase 1', '', '### 1.1. Pour the slab - Done', '', 'Notes.', '', '### 1.2 Raise the walls 🔄', '', 'Notes.'),
    );
    expect(brief(tasks)).toEqual([
      ['1.1', 'Pour the slab', 'done'],
      ['1.2', 'Raise the walls', 'in-progress'],
    ]);
  });

  it('reads the sibling steps that say no state as tasks too', async () => {
    const tasks = await readTasks(doc('# Plan', '', '## Phase 1', '', '### 1.1 Pour the slab ✅', '', 'Notes.', '', '### 1.2 Raise the walls', '', 'Notes.'));
    expect(brief(tasks)).toEqual([
      ['1.1', 'Pour the slab', 'done'],
      ['1.2', 'Raise the walls', 'none'],
    ]);
  });

  it('reads the steps of every numbered parent as one list', async () => {
    const tasks = await readTasks(
      doc(
        '# Plan',
        '',
        '## 1. Build the house - Done',
        '',
        '### 1.1. Pour the slab',
        '',
        'Notes.',
        '',
        '### 1.2. Raise the walls',
        '',
        '## 2. Finish the house',
        '',
        '### 2.1. Paint the rooms - Done',
        '',
        '### 2.2. Lay the tiles - Pending',
        '',
        '### 2.3. Clean up',
        '',
        'Notes.',
      ),
    );
    expect(brief(tasks)).toEqual([
      ['1', 'Build the house', 'done'],
      ['1.1', 'Pour the slab', 'none'],
      ['1.2', 'Raise the walls', 'none'],
      ['2.1', 'Paint the rooms', 'done'],
      ['2.2', 'Lay the tiles', 'pending'],
      ['2.3', 'Clean up', 'none'],
    ]);
  });

  it('takes one step with a state in another section for too little to make the sections of a document steps', async () => {
    const tasks = await readTasks(
      doc('# Design', '', '## 1. Overview', '', '### 1.1 Goals', '', 'Text.', '', '## 2. Backend', '', '### 2.1 Storage', '', '### 2.2 Auth ✅', '', 'Text.'),
    );
    expect(brief(tasks)).toEqual([
      ['2.1', 'Storage', 'none'],
      ['2.2', 'Auth', 'done'],
    ]);
  });

  it('reads a numbered heading with a state after a dash as a step, not as a lane of a board', async () => {
    const tasks = await readTasks(doc('# Plan', '', '## 1. Build - Done', '', 'Notes.', '', '## 2. Paint ✅', '', '## 3. Clean'));
    expect(brief(tasks)).toEqual([
      ['1', 'Build', 'done'],
      ['2', 'Paint', 'done'],
      ['3', 'Clean', 'none'],
    ]);
  });
});
