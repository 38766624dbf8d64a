// Tables that name people beside work: a `Name` column whose values repeat row after row says who does each task
// (the task is the column of distinct words, `Task Description`), and a table with a column of e-mail addresses is a
// team's roster, not a plan, unless it says a status.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';

const doc = (...lines: string[]) => [...lines, ''].join('\n');
const brief = async (text: string) => (await planOf(text)).tasks.map((t) => [t.id, t.title, t.owner]);

describe('a Name column whose values repeat', () => {
  const table = (rows: string[]) => doc('| Name | Task ID | Task Description |', '|---|---|---|', ...rows);

  it('names the owner; the distinct words beside it are the titles', async () => {
    const text = table([
      '| All | 111 | Team formation |',
      '| Ana | 112 | Repo setup |',
      '| Ana | 113 | Write the parser |',
      '| Bo | 114 | Draw the screens |',
      '| Bo | 115 | Test the form |',
      '| All | 116 | Demo day |',
    ]);
    expect(await brief(text)).toEqual([
      ['111', 'Team formation', 'All'],
      ['112', 'Repo setup', 'Ana'],
      ['113', 'Write the parser', 'Ana'],
      ['114', 'Draw the screens', 'Bo'],
      ['115', 'Test the form', 'Bo'],
      ['116', 'Demo day', 'All'],
    ]);
  });

  it('stays the title where each row names its own work', async () => {
    const text = table(['| Login | 111 | The form |', '| Signup | 112 | The page |', '| Search | 113 | The index |', '| Export | 114 | The file |']);
    expect((await brief(text)).map((t) => t[1])).toEqual(['Login', 'Signup', 'Search', 'Export']);
  });
});

describe('a table with a column of e-mail addresses', () => {
  it('is a roster: no tasks, though its first column looks like ids', async () => {
    const text = doc('| Student ID | Name | Email |', '|---|---|---|', '| 20938667 | Ana | ana@uni.edu |', '| 20938647 | Bo | bo@uni.edu |');
    expect(await brief(text)).toEqual([]);
  });

  it('is a plan where it says each row’s status', async () => {
    const text = doc(
      '| ID | Task | Contact | Status |',
      '|---|---|---|---|',
      '| T-1 | Order parts | ana@uni.edu | done |',
      '| T-2 | Fit them | bo@uni.edu | todo |',
    );
    expect((await brief(text)).map((t) => t[0])).toEqual(['T-1', 'T-2']);
  });
});
