// Three-way merge of one task: part by part (cells, checkbox, status mark,
// the text and padding between them). Each part takes the side that changed
// it; a part changed two ways is a conflict, unless both sides say the same
// thing in other bytes (same status, owner, title, notes: `✅ Done` and
// `✅ Complete`), when ours wins.

import type { Task } from '../model/types.js';
import { Vocabulary } from '../status.js';
import { partsOf, type Segment } from './segments.js';

export type TaskMerge =
  | { clean: true; text: string }
  /** `ours`/`theirs`: each side with the other side's non-conflicting parts merged in. */
  | { clean: false; ours: string; theirs: string; base: string };

export function mergeTask(base: Segment, ours: Segment, theirs: Segment): TaskMerge {
  if (ours.text === theirs.text || theirs.text === base.text) return { clean: true, text: ours.text };
  if (ours.text === base.text) return { clean: true, text: theirs.text };
  const sameMeaning = meaning(ours.task) === meaning(theirs.task);
  const o = partsOf(base);
  const a = partsOf(ours);
  const b = partsOf(theirs);
  if (a.length !== o.length || b.length !== o.length) {
    // The sides cut the task differently (a column added, a mark added): whole task.
    return sameMeaning ? { clean: true, text: ours.text } : { clean: false, ours: ours.text, theirs: theirs.text, base: base.text };
  }
  const mine: string[] = [];
  const yours: string[] = [];
  let conflicts = 0;
  o.forEach((p, i) => {
    const x = a[i]!;
    const y = b[i]!;
    if (x === p || x === y) mine.push(y), yours.push(y);
    else if (y === p) mine.push(x), yours.push(x);
    else if (isBlank(x) && isBlank(y)) mine.push(x), yours.push(x); // padding both ways: ours
    else mine.push(x), yours.push(y), conflicts++;
  });
  if (conflicts === 0 || sameMeaning) return { clean: true, text: mine.join('') };
  return { clean: false, ours: mine.join(''), theirs: yours.join(''), base: base.text };
}

const isBlank = (s: string) => /^[ \t]*\r?\n?$/.test(s);

/**
 * What a task says, whatever bytes say it: its fields, and its status with
 * whatever the status cell says besides the status words (`✅ Done` and
 * `✅ Complete` say the same; `⏳ Pending - waiting on Bo` says more).
 */
function meaning(t: Task): string {
  const reading = Vocabulary.of().read(t.statusText);
  let rest = t.statusText;
  for (const part of [reading.emoji, reading.word]) {
    const at = part ? rest.toLowerCase().indexOf(part.toLowerCase()) : -1;
    if (at >= 0) rest = rest.slice(0, at) + rest.slice(at + part!.length);
  }
  rest = rest.replace(/[\s\p{P}\uFE0F]+/gu, ' ').trim();
  return JSON.stringify([t.id, t.title, t.status, rest, t.owner, t.notes, t.priority, t.fields]);
}
