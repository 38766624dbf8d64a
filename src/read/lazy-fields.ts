import type { Span } from '../parse/blocks.js';
import { headerRole } from './columns.js';
import { dateKindOf } from './fields.js';
import { lineFields, STATUS_KEYS } from './items.js';

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
 * there is none. Only lines after the first: the item's own first line is what it says.
 */
export function lazyFieldStart(text: string, span: Span): number | null {
  let at = text.indexOf('\n', span.start);
  while (at >= 0 && at < span.end) {
    const start = at + 1;
    let end = text.indexOf('\n', start);
    if (end < 0 || end > span.end) end = span.end;
    const line = text.slice(start, end);
    if (/^[^\s>|]/u.test(line) && lineFields(line).some((f, i) => i === 0 && taskFieldKey(f.key))) return start;
    at = end < span.end ? end : -1;
  }
  return null;
}
