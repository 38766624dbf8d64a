// Adding a task to a list: checklists are the most common shape of a plan.
// A task list is a run of item tasks under one heading; the new item goes
// after its last item (and that item's continuation lines and sub-items), in
// the list's own style: its marker (the next number in an ordered list), a box
// if its items have one, the status prefix the file uses, the id scheme, and
// the way its items set a title apart from notes.

import type { Plan, Task } from '../model/types.js';
import { ownerMark } from '../read/owner-mark.js';
import type { SettableStatus } from '../model/status.js';
import type { EditContext } from '../write/task-edits.js';
import { lineEndAt, lineStartAt } from '../text/lines.js';

export interface TaskList {
  /** The list's tasks, in file order (sub-items included). */
  tasks: Task[];
  /** Column of the list's own markers (sub-items are further in). */
  indent: number;
  line: number;
  section: string | null;
}

type ItemSource = Extract<Task['source'], { type: 'item' }>;

const itemOf = (t: Task): ItemSource | null => (t.source.type === 'item' ? t.source : null);

function column(text: string, at: number): number {
  return at - lineStartAt(text, at);
}

/** The runs of consecutive item tasks under the same heading. */
export function taskLists(plan: Plan, text: string): TaskList[] {
  const lists: TaskList[] = [];
  let current: TaskList | null = null;
  for (const t of plan.tasks) {
    const src = itemOf(t);
    if (!src) {
      current = null;
      continue;
    }
    const indent = column(text, src.item.start);
    if (current && current.section === t.section && indent >= current.indent) {
      current.tasks.push(t);
      continue;
    }
    current = { tasks: [t], indent, line: t.line, section: t.section };
    lists.push(current);
  }
  return lists;
}

export interface NewItem {
  title: string;
  id: string | null;
  status: SettableStatus | null;
  owner?: string;
  notes?: string;
  /** Field marks (edit/field-text.ts newItemMarks): before the words (`(A) `) and after them (`#ops 📅 2025-03-14`). */
  marks?: { lead: string; trail: string };
}

/** The new item's line and where it goes (an offset at the end of a line). */
export function newItem(ec: EditContext, list: TaskList, item: NewItem): { line: string; after: number } {
  const text = ec.text;
  const own = list.tasks.filter((t) => column(text, itemOf(t)!.item.start) === list.indent);
  const last = own[own.length - 1]!;
  const src = itemOf(last)!;
  const lineStart = lineStartAt(text, src.item.start);
  const marker = /^(?:[-*+]|(\d{1,9})([.)]))/.exec(text.slice(src.item.start, src.item.start + 11))![0];
  const ordered = /^(\d+)([.)])$/.exec(marker);
  const bullet = ordered ? `${Number(ordered[1]) + 1}${ordered[2]}` : marker;
  const boxed = own.some((t) => itemOf(t)!.checkbox !== null);
  const prefix = item.status ? ec.style.itemPrefixFor(item.status, boxed) : { box: boxed ? '[ ]' : null, mark: null };
  // An ordered list whose numbers are the ids (`2. [x] two` is task 2): the new number says the id.
  const numbered = ordered !== null && last.id === ordered[1];
  // `**5.A Title**: notes` where the list writes its ids and titles in bold.
  const body = text.slice(src.statusMark ? src.statusMark.end : src.text.start, src.text.end).trimStart();
  const bold = item.id !== null && !numbered && /^(\*\*|__)/.test(body) && body.slice(2).startsWith(last.id);
  let words = item.id && !numbered ? `${item.id} ${item.title}` : item.title;
  if (bold) words = `**${words}**`;
  if (item.notes) words += bold ? `: ${item.notes}` : ` — ${item.notes}`;
  if (item.marks?.trail) words += ` ${item.marks.trail}`;
  if (item.marks?.lead) words = item.marks.lead + words;
  if (item.owner) words += ` ${ownerMark(item.owner)}`;
  const parts = [bullet, prefix.box, prefix.mark, words].filter((p): p is string => !!p);
  return { line: text.slice(lineStart, src.item.start) + parts.join(' '), after: listEnd(text, list) };
}

/**
 * Where the list ends: after its last task's text, then any line that is part
 * of that item (indented past the list's markers, or a blank line followed by one).
 */
function listEnd(text: string, list: TaskList): number {
  const last = itemOf(list.tasks[list.tasks.length - 1]!)!;
  let end = lineEndAt(text, last.text.end);
  for (;;) {
    if (end >= text.length) return end;
    let next = text.indexOf('\n', end) + 1;
    let candidate = next;
    // Blank lines belong to the item only when an indented line follows them.
    while (candidate < text.length && /^[ \t]*\r?$/.test(lineAt(text, candidate))) candidate = text.indexOf('\n', candidate) + 1 || text.length;
    if (candidate >= text.length) return end;
    const content = lineAt(text, candidate);
    const indent = content.length - content.trimStart().length;
    if (content.trim() === '' || indent <= list.indent) return end;
    next = candidate;
    end = lineEndAt(text, next);
  }
}

function lineAt(text: string, start: number): string {
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl === -1 ? text.length : nl);
}
