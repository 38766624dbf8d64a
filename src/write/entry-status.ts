// A status written into an entry of the front matter's to-do list
// (read/front-matter-tasks.ts): the value of its `status:` key, in the words
// the list already uses, else those of Cursor's plan files, whose tools read
// the list back. Nothing else of the entry is written: an owner, a title or a
// status key it lacks are refused, so the YAML stays what its tool expects.

import type { SettableStatus } from '../model/status.js';
import type { Task } from '../model/types.js';
import { entryStatus } from '../read/front-matter-tasks.js';
import { PlanError } from '../system/errors.js';
import type { EditContext, StatusChange, StatusOptions } from './task-edits.js';
import type { Edit } from './splice.js';

/** The words of Cursor's plan files, for a list that writes none for the status yet. Cursor has none for blocked. */
const CURSOR_WORDS: Partial<Record<SettableStatus, string>> = {
  done: 'completed',
  'in-progress': 'in_progress',
  pending: 'pending',
  cancelled: 'cancelled',
};

type EntrySource = Extract<Task['source'], { type: 'entry' }>;

export function entryStatusChange(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions): StatusChange {
  const src = t.source as EntrySource;
  const where = `${ec.file}:${t.line}: task ${t.id} is an entry of the front matter's to-do list`;
  if (!src.status) throw new PlanError(`${where} whose \`status:\` is missing or not written plainly on one line; nothing was written (write it by hand)`);
  const word = opts.text ?? listWord(ec, to) ?? CURSOR_WORDS[to];
  if (word === undefined) {
    throw new PlanError(`${where}, and the list has no word for ${to} (Cursor's plans know pending, in_progress, completed, cancelled); nothing was written`);
  }
  if (!/^[\p{L}\p{N}][\p{L}\p{N}_ -]*$/u.test(word) || entryStatus(word, ec.vocab) !== to) {
    throw new PlanError(`${where}; "${word}" would not read as ${to} there; nothing was written`);
  }
  const old = ec.text.slice(src.status.start, src.status.end);
  const edits: Edit[] = old === word ? [] : [{ start: src.status.start, end: src.status.end, expect: old, text: word }];
  if (opts.markOwner !== undefined) edits.push(ownerEdit(ec, src, opts.markOwner, where));
  return {
    edits,
    from: t.status,
    to,
    statusText: word,
    remarks: [],
    reread: true,
  };
}

/** The word another entry of the file's list writes for `to`, as written (`done`, `Completed`). */
function listWord(ec: EditContext, to: SettableStatus): string | undefined {
  for (const u of ec.plan.tasks) {
    if (u.source.type !== 'entry' || !u.source.status || u.status !== to) continue;
    return ec.text.slice(u.source.status.start, u.source.status.end);
  }
  return undefined;
}

/**
 * The owner of a claim: the value of the entry's `owner:` (`assignee:`, `agent:`) key where it writes one plainly,
 * else a new `owner:` key after the entry's last line, at its keys' indentation.
 */
function ownerEdit(ec: EditContext, src: EntrySource, owner: string, where: string): Edit {
  const body = ec.text.slice(src.entry.start, src.entry.end);
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u.test(owner))
    throw new PlanError(`${where}; "${owner}" is not a plain name for its \`owner:\` key; nothing was written`);
  const column = /^[ \t]*- +/.exec(body)![0].length;
  // The entry's own keys start at one column (the first after its `- `): a deeper `owner:` is another mapping's.
  const key = new RegExp(`^(?:[ \\t]*- +| {${column}})(?:owner|assignee|agent):[ \\t]*(.*)$`, 'm').exec(body);
  if (key) {
    const value = key[1]!;
    if (!/^[\p{L}\p{N}._@ -]*$/u.test(value)) throw new PlanError(`${where}, whose owner is not written plainly; nothing was written (change it by hand)`);
    const start = src.entry.start + key.index + key[0].length - value.length;
    return { start, end: start + value.length, expect: value, text: owner };
  }
  return { start: src.entry.end, end: src.entry.end, expect: '', text: `${ec.plan.eol}${' '.repeat(column)}owner: ${owner}` };
}
