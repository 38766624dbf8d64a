// Numbered lists under label lines in a file with no headings (issue 20): a task list pasted from a chat or a
// mail (`Sign-up form:` then `1. Create the schema`) writes its parts as labels and its work as numbered items.
import { describe, expect, it } from 'vitest';
import { doc, planFiles } from '../helpers/read-plan.js';

const { readTasks } = planFiles();
const LISTS = ['Sign-up form:', '1. Create the schema', '2. Add the endpoint', '', 'Bookings:', '1. Create the table', '2. Check for clashes'];

describe('numbered lists under label lines', () => {
  it('are the tasks of a file with no headings, grouped by their label, numbered by position only', async () => {
    const tasks = await readTasks(doc('Here is the task list you asked for:', '', ...LISTS, '', 'Good luck with the project!'));
    expect(tasks.map((t) => [t.title, t.group, t.status, t.idFromFile])).toEqual([
      ['Create the schema', 'Sign-up form', 'none', false],
      ['Add the endpoint', 'Sign-up form', 'none', false],
      ['Create the table', 'Bookings', 'none', false],
      ['Check for clashes', 'Bookings', 'none', false],
    ]);
  });

  it('stay tasks when one of them states a status (as `plan set` writes one)', async () => {
    const tasks = await readTasks(doc('Sign-up form:', '1. ✅ Create the schema', '2. Add the endpoint'));
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Create the schema', 'done'],
      ['Add the endpoint', 'none'],
    ]);
  });

  it('are steps of prose where the file has a heading', async () => {
    expect(await readTasks(doc('# Setup', '', ...LISTS))).toEqual([]);
  });

  it('are steps of prose where the file has tasks of its own', async () => {
    const tasks = await readTasks(doc('- [ ] Order the parts', '', ...LISTS));
    expect(tasks.map((t) => t.title)).toEqual(['Order the parts']);
  });

  it('need their label: a numbered list after a sentence is not read', async () => {
    expect(await readTasks(doc('Run these to install the tool, then restart the shell.', '', '1. Download it', '2. Unpack it'))).toEqual([]);
  });
});
