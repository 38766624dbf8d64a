// `plan edit --due/--priority` on a heading task: the value of its `**Due:**`
// or `**Priority:**` field line under the heading, written in the form that
// line already has (`Due: 14.03.2025` stays dotted). `--due ""` removes a line
// that holds only that field. A heading without such a line is refused: where
// a new line would go is the author's choice.

import { dateKindOf } from '../read/fields.js';
import { PRIORITY_LEVELS, priorityLevel } from '../read/priority.js';
import { headerRole } from '../read/columns.js';
import { lineFields } from '../read/items.js';
import type { PriorityLevel, Task } from '../model/types.js';
import { PlanError } from '../system/errors.js';
import { lineEndAt } from '../text/lines.js';
import { dateLike } from './date-format.js';
import type { FieldChanges } from './field-text.js';
import type { Edit } from './splice.js';
import type { EditContext } from './task-edits.js';

/** How far below its heading a task's field lines may be. */
const MAX_LINES = 40;

interface FieldLine {
  /** The line's start and end (before its line break), and where its value is. */
  start: number;
  end: number;
  value: { start: number; end: number };
  alone: boolean;
}

/** The heading task's field line for `which`, if it has one before the next heading. */
function findLine(ec: EditContext, t: Task, which: 'due' | 'priority'): FieldLine | null {
  const src = t.source;
  if (src.type !== 'heading') return null;
  const text = ec.text;
  let at = lineEndAt(text, src.heading.end);
  for (let n = 0; n < MAX_LINES && at < text.length; n++) {
    const start = text[at] === '\r' ? at + 2 : at + 1;
    const end = lineEndAt(text, start);
    const line = text.slice(start, end);
    if (/^ {0,3}#/.test(line)) return null;
    const fields = lineFields(line);
    const f = fields.find((x) => (which === 'due' ? dateKindOf(x.key) === 'due' : headerRole(x.key) === 'priority'));
    if (f) return { start, end, value: { start: start + f.value.start, end: start + f.value.end }, alone: fields.length === 1 };
    at = end;
  }
  return null;
}

/** A priority in the words of the one it replaces: `P1` for `P3`, `HIGH` for `LOW`, else the word. */
function priorityLike(old: string, level: PriorityLevel): string {
  const i = PRIORITY_LEVELS.indexOf(level);
  const bare = old.replace(/[*_`]/g, '').trim();
  if (/^P[0-4]$/i.test(bare)) return `${bare[0]}${i}`;
  const word = level[0]!.toUpperCase() + level.slice(1);
  if (bare === bare.toUpperCase() && /\p{L}/u.test(bare)) return word.toUpperCase();
  if (bare === bare.toLowerCase() && /\p{L}/u.test(bare)) return word.toLowerCase();
  return word;
}

/** The edits that write a heading task's due date and priority into its field lines; refuses what it cannot write there. */
export function headingFieldEdits(ec: EditContext, t: Task, c: FieldChanges): Edit[] {
  const other = c.tag?.length ? '--tag' : c.untag?.length ? '--untag' : c.depends !== undefined ? '--depends' : c.estimate !== undefined ? '--estimate' : null;
  if (other)
    throw new PlanError(
      `${ec.file}:${t.line}: task ${t.id} is a heading; ${other} is written in tables and list items only (edit its lines by hand); nothing was written`,
    );
  const edits: Edit[] = [];
  const change = (which: 'due' | 'priority', value: string) => {
    const line = findLine(ec, t, which);
    const name = which === 'due' ? 'Due' : 'Priority';
    if (!line)
      throw new PlanError(
        `${ec.file}:${t.line}: task ${t.id} is a heading with no **${name}:** line under it; add one by hand, then edit it; nothing was written`,
      );
    const old = ec.text.slice(line.value.start, line.value.end);
    if (value === '') {
      if (!line.alone)
        throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s ${name} shares its line with other fields; remove it by hand; nothing was written`);
      const end = ec.text[line.end] === '\r' ? line.end + 2 : line.end + 1;
      edits.push({ start: line.start, end: Math.min(end, ec.text.length), expect: ec.text.slice(line.start, Math.min(end, ec.text.length)), text: '' });
      return;
    }
    const next =
      which === 'due'
        ? dateLike(value, [old], ec.plan.dates?.dayFirst ?? null)
        : priorityLevel(old) === value
          ? old
          : priorityLike(old, value as PriorityLevel);
    if (next !== old) edits.push({ start: line.value.start, end: line.value.end, expect: old, text: next });
  };
  if (c.due !== undefined) change('due', c.due);
  if (c.priority !== undefined) change('priority', c.priority);
  return edits;
}
