// How a claim records its owner where there is no Owner column: an `@name`
// mark at the end of a table row's status cell or of a list item's text
// (`🔄 In Progress @agent-7`, `- [ ] 🔄 Write docs @ana`). The reader takes a
// trailing mark back as the task's owner, so the same owner finds the task again.

/** A name a mark can hold: one word of letters, digits, `_`, `.` or `-`, ending in a letter or digit. */
const NAME = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?`;
const TRAILING = new RegExp(String.raw`(?:^|\s)@(${NAME})$`, 'u');
const WHOLE = new RegExp(`^${NAME}$`, 'u');

/** The owner named by a mark at the end of `text`, and where the mark starts (with the space before it). */
export function trailingOwnerMark(text: string): { owner: string; start: number } | null {
  // No `@`, no mark: and TRAILING is not compiled (its Unicode classes cost milliseconds).
  if (!text.includes('@')) return null;
  const m = TRAILING.exec(text.trimEnd());
  if (!m) return null;
  return { owner: m[1]!, start: m.index };
}

/** Whether `owner` can be written as a mark (one word, see NAME). */
export function isMarkName(owner: string): boolean {
  return WHOLE.test(owner);
}

/** The mark for `owner`, as written after the text it follows. */
export function ownerMark(owner: string): string {
  return `@${owner}`;
}
