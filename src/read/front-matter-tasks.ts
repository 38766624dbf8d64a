// The tasks of a to-do list kept in the front matter (parse/front-matter-todos.ts):
// Cursor's plan files write `todos:` entries of `id`, `content` and `status`
// (`pending`, `in_progress`, `completed`, `cancelled`), and agents' plans write
// lists of the same shape under `tasks:` with `title` and an `owner`. Each
// entry is a task on the line of its `- `, grouped under the plan's name.

import type { Span } from '../parse/blocks.js';
import { findFrontMatterLists, isTodoList, TITLE_KEYS, unreadTodoLists, type EntryField, type FrontMatterList } from '../parse/front-matter-todos.js';
import type { FrontMatterResult } from '../parse/front-matter-yaml.js';
import type { Status, Vocabulary } from '../model/status.js';
import type { Problem, Task } from '../model/types.js';
import type { LineIndex } from '../text/lines.js';
import { planName } from './front-matter-fields.js';

const STATUS_KEYS = ['status', 'state'] as const;
const OWNER_KEYS = ['owner', 'assignee', 'agent'] as const;

/** The status an entry's value says: its words with `_` and `-` read as spaces (`in_progress`); none when they say no status. */
export function entryStatus(value: string, vocab: Vocabulary): Status {
  const words = value.trim().replace(/[_-]+/g, ' ');
  if (words === '') return 'none';
  const reading = vocab.read(words);
  return reading.status !== 'none' && reading.start === 0 && reading.end >= words.length ? reading.status : 'none';
}

/** The first of `keys` the entry writes. */
function fieldOf(entry: Map<string, EntryField>, keys: readonly string[]): EntryField | undefined {
  for (const k of keys) {
    const f = entry.get(k);
    if (f !== undefined) return f;
  }
  return undefined;
}

/** A task of the front matter, and the ids its entry says it waits on (resolved with the file's other dependencies). */
export interface FrontMatterTask {
  task: Task;
  dependsOn: string[];
}

/** The list's entries as tasks, in file order, under `group` (the plan's `name` or `title`). */
function frontMatterTasks(
  list: FrontMatterList,
  group: string | null,
  lines: LineIndex,
  vocab: Vocabulary,
  display: (raw: string) => string,
): FrontMatterTask[] {
  return list.entries.map((entry) => {
    const title = fieldOf(entry.fields, TITLE_KEYS)!;
    const status = fieldOf(entry.fields, STATUS_KEYS);
    const id = entry.fields.get('id')?.value.trim() ?? '';
    const ownerField = fieldOf(entry.fields, OWNER_KEYS);
    const owner = ownerField?.value.trim() || null;
    const statusText = status ? display(status.value) : '';
    const span = (f: EntryField | undefined): Span | null => (f?.span ? { ...f.span } : null);
    const task: Task = {
      id,
      kind: 'task',
      title: display(title.value),
      status: status ? entryStatus(status.value, vocab) : 'none',
      statusText,
      owner: owner && display(owner),
      notes: null,
      priority: null,
      sprint: null,
      week: null,
      month: null,
      phase: null,
      milestone: null,
      section: null,
      group,
      line: lines.line(entry.span.start),
      fields: {},
      idFromFile: id !== '',
      dependsOn: [],
      source: {
        type: 'entry',
        entry: { ...entry.span },
        text: span(title),
        status: span(status),
        ...(ownerField ? { owner: span(ownerField) } : {}),
      },
    };
    return { task, dependsOn: entry.dependsOn ?? [] };
  });
}

/**
 * The tasks of the front matter's lists, in file order; a `todos:` or `tasks:` list the scan could not match to its
 * lines is said in `problems` (`front-matter-list`), never skipped silently.
 */
export function frontMatterListTasks(
  text: string,
  fm: FrontMatterResult,
  lines: LineIndex,
  vocab: Vocabulary,
  display: (raw: string) => string,
  problems: Problem[],
): FrontMatterTask[] {
  const lists = findFrontMatterLists(text, fm);
  for (const key of unreadTodoLists(fm, lists)) {
    const at = text.indexOf(`\n${key}:`, fm.block?.start ?? 0);
    problems.push({
      line: at < 0 ? 1 : lines.line(at + 1),
      column: 1,
      severity: 'warning',
      code: 'front-matter-list',
      message: `the front matter's \`${key}:\` list was not read (plan reads a block list of entries, each with a title, written one key a line); its entries are no tasks`,
    });
  }
  const out: FrontMatterTask[] = [];
  for (const list of lists) {
    const todo = isTodoList(list);
    const name = todo ? planName(fm) : list.key;
    const entries = frontMatterTasks(list, name && display(name), lines, vocab, display);
    if (todo || isWorkList(entries)) out.push(...entries);
  }
  return out;
}

/**
 * A named list of the front matter (`phases:`) is work when every entry's status reads as one and some say work is
 * done, to do or stopped: people's `status: active` (in progress, read alone) does not make a list of authors a plan.
 */
function isWorkList(entries: FrontMatterTask[]): boolean {
  return entries.every(({ task }) => task.status !== 'none') && entries.some(({ task }) => task.status !== 'in-progress');
}
