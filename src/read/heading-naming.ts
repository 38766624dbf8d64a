// `**ID:** T-1` and `**Title:** …` field lines under a heading task: the id and the name its writer gave it, where
// the heading itself is only a label and a number (`### Task 1`, `### Story 2`).

import type { Task } from '../model/types.js';
import { isIdShaped } from './names.js';

/** What an `ID` or a `Title` field line under a heading says, as shown. */
export interface HeadingNaming {
  id?: string;
  title?: string;
}

const ID_KEY = /^(?:(?:task|story|item|issue|ticket)[ _-]?)?id$/iu;
const TITLE_KEY = /^title$/iu;

/** Takes one field of a line under a heading into `naming` (the first of each kind counts). Whether it was one. */
export function takeNamingField(naming: HeadingNaming, key: string, value: string): boolean {
  const k = key.trim();
  if (ID_KEY.test(k)) {
    const id = value.replace(/^`|`$/gu, '').trim();
    if (!isIdShaped(id)) return false;
    naming.id ??= id;
    return true;
  }
  if (!TITLE_KEY.test(k) || !value.trim()) return false;
  naming.title ??= value.trim();
  return true;
}

/**
 * An id field names the task as its writer refers to it (`Depends on: T-1`), over a heading's `Task 1`; a title
 * field names it only where the heading is nothing but its id (`### Story 1`), whose title would be the id again.
 */
export function applyNaming(task: Task, naming: HeadingNaming | undefined, headingRest: string | null): void {
  if (!naming) return;
  if (naming.id) {
    task.id = naming.id;
    task.idFromFile = true;
  }
  if (naming.title && headingRest !== null && headingRest.trim() === '') task.title = naming.title;
}
