// Three-way merge of one task: part by part (cells, checkbox, status mark,
// the text and padding between them). Each part takes the side that changed
// it; a part changed two ways is a conflict unless both sides wrote the same
// bytes, or both only changed padding (then ours wins). Two sides agree only
// when their bytes agree: `✅ Done` and `✅ Complete` are two texts, and a
// person chooses between them.

import { partsOf, type Segment } from './segments.js';

export type TaskMerge =
  | { clean: true; text: string }
  /** `ours`/`theirs`: each side with the other side's non-conflicting parts merged in. */
  | { clean: false; ours: string; theirs: string; base: string };

export function mergeTask(base: Segment, ours: Segment, theirs: Segment): TaskMerge {
  if (ours.text === theirs.text || theirs.text === base.text) return { clean: true, text: ours.text };
  if (ours.text === base.text) return { clean: true, text: theirs.text };
  const o = partsOf(base);
  const a = partsOf(ours);
  const b = partsOf(theirs);
  // The sides cut the task differently (a column or a status mark added): the whole task conflicts.
  if (a.length !== o.length || b.length !== o.length) return { clean: false, ours: ours.text, theirs: theirs.text, base: base.text };
  const mine: string[] = [];
  const yours: string[] = [];
  let conflicts = 0;
  o.forEach((p, i) => {
    const x = a[i]!;
    const y = b[i]!;
    let [m, t] = [x, y];
    if (x === p || x === y) m = y;
    else if (y === p || (isBlank(x) && isBlank(y))) t = x;
    else conflicts++;
    mine.push(m);
    yours.push(t);
  });
  if (conflicts === 0) return { clean: true, text: mine.join('') };
  return { clean: false, ours: mine.join(''), theirs: yours.join(''), base: base.text };
}

const isBlank = (s: string) => /^[ \t]*\r?\n?$/.test(s);
