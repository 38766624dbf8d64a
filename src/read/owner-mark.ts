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

// Words follow the slot: `() => void` is code, not an empty slot.
const LEADING = new RegExp(String.raw`^([(\[])(?:@(${NAME}))?([)\]])[ \t]+(?=[^\s=<>])`, 'u');

/**
 * `(@ana) Build the form`, `[@ana] …`, or the empty slot `() Build the form` of a list where the others are
 * filled: who does the item, named before its words. The owner ('' for an empty slot), where the name goes
 * (between the brackets) and where the title starts.
 */
export function leadingOwnerMark(text: string): { owner: string; inner: { start: number; end: number }; end: number } | null {
  if (text[0] !== '(' && text[0] !== '[') return null;
  const m = LEADING.exec(text);
  if (!m || (m[1] === '(') !== (m[3] === ')')) return null;
  return { owner: m[2] ?? '', inner: { start: 1, end: 1 + (m[2] ? m[2].length + 1 : 0) }, end: m[0].length };
}

/** Whether `owner` can be written as a mark (one word, see NAME). */
export function isMarkName(owner: string): boolean {
  return WHOLE.test(owner);
}

/** The mark for `owner`, as written after the text it follows. */
export function ownerMark(owner: string): string {
  return `@${owner}`;
}
