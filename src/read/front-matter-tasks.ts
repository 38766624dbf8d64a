// The tasks of a to-do list kept in the front matter (parse/front-matter-todos.ts):
// Cursor's plan files write `todos:` entries of `id`, `content` and `status`
// (`pending`, `in_progress`, `completed`, `cancelled`), and agents' plans write
// lists of the same shape under `tasks:` with `title` and an `owner`. Each
// entry is a task on the line of its `- `, grouped under the plan's name.

import type { Span } from '../parse/blocks.js';
import { TITLE_KEYS, type EntryField, type FrontMatterList } from '../parse/front-matter-todos.js';
import type { Status, Vocabulary } from '../model/status.js';
import type { Task } from '../model/types.js';
import type { LineIndex } from '../text/lines.js';

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

/** The list's entries as tasks, in file order, under `group` (the plan's `name` or `title`). */
export function frontMatterTasks(list: FrontMatterList, group: string | null, lines: LineIndex, vocab: Vocabulary, display: (raw: string) => string): Task[] {
  return list.entries.map((entry) => {
    const title = fieldOf(entry.fields, TITLE_KEYS)!;
    const status = fieldOf(entry.fields, STATUS_KEYS);
    const id = entry.fields.get('id')?.value.trim() ?? '';
    const ownerField = fieldOf(entry.fields, OWNER_KEYS);
    const owner = ownerField?.value.trim() || null;
    const statusText = status ? display(status.value) : '';
    const span = (f: EntryField | undefined): Span | null => (f?.span ? { ...f.span } : null);
    return {
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
  });
}
