import type { Span } from '../parse/blocks.js';
import { headerRole } from './columns.js';
import { dateKindOf } from './fields.js';
import { lineFields, STATUS_KEYS } from './items.js';

/** A list item on the line after (`- `, `* `, `+ `, `1. `, `2) `, indented or not), its marker's number if ordered. */
const ITEM_AFTER = /^[ \t]*\r?\n[ \t]{0,12}(?:[-*+]|(\d{1,9})[.)])[ \t]/u;

/** Whether a field name says how its task stands, who has it, how urgent it is, what it waits on, or when it falls. */
function taskFieldKey(key: string): boolean {
  if (STATUS_KEYS.has(key) || dateKindOf(key)) return true;
  const role = headerRole(key);
  return role === 'status' || role === 'owner' || role === 'priority' || role === 'depends';
}

/**
 * Where the first field line written against the left margin inside an item's paragraph starts (`**Status**:
 * backlog` right after a task's last checklist item, no blank line between): CommonMark makes it a lazy
 * continuation of that item, but it is a field of the task the list belongs to, not words of the item. Null when
 * there is none. Only lines after the first: the item's own first line is what it says. `ordered`: the item's list
 * is numbered.
 */
export function lazyFieldStart(text: string, span: Span, ordered: boolean): number | null {
  // Only a list's closing lines: with another item of the same list after it (`- [ ] Fix login` / `Owner: Ana` /
  // `- [ ] Fix logout`), the line is the item's own wrapped field, and handing it to the heading would give it to
  // the items after. A list of another kind after it (`4. …` / `**Plans:** 3/3` / `- [x] …`) is another list.
  const after = ITEM_AFTER.exec(text.slice(span.end, span.end + 200));
  if (after && (after[1] !== undefined) === ordered) return null;
  let at = text.indexOf('\n', span.start);
  while (at >= 0 && at < span.end) {
    const start = at + 1;
    let end = text.indexOf('\n', start);
    if (end < 0 || end > span.end) end = span.end;
    const line = text.slice(start, end);
    if (/^[^\s>|]/u.test(line) && taskFieldKey(lineFields(line)[0]?.key ?? '')) return start;
    at = end < span.end ? end : -1;
  }
  return null;
}
