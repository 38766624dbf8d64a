// What becomes of each task in a merge, before any placing: merged text, a
// conflict (the same part changed two ways, or changed on one side and
// deleted on the other), or gone.

import type { Keyed } from './keys.js';
import { mergeTask, type TaskMerge } from './task-merge.js';

export type Side = 'ours' | 'theirs';

export type Outcome =
  | TaskMerge
  /**
   * Deleted on both sides, or on one side and left as it was on the other
   * (`kept`). If the keeping side moved it (git's line merge keeps its line
   * somewhere), a move is a change: the assembly makes it a conflict.
   */
  | { clean: 'deleted'; kept?: { by: Side; text: string; base: string } }
  /** Changed on one side, deleted on `deletedBy`'s. */
  | { clean: false; ours: string; theirs: string; base: string; deletedBy: Side };

export function outcomes(k: Keyed): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  for (const key of new Set([...k.base.keys(), ...k.ours.keys(), ...k.theirs.keys()])) {
    const o = k.base.get(key);
    const a = k.ours.get(key);
    const b = k.theirs.get(key);
    if (a && b) out.set(key, o ? mergeTask(o, a, b) : { clean: true, text: a.text });
    else if (a || b) {
      const side = (a ?? b)!;
      const by: Side = a ? 'ours' : 'theirs';
      if (!o) out.set(key, { clean: true, text: side.text });
      else if (side.text === o.text) out.set(key, { clean: 'deleted', kept: { by, text: side.text, base: o.text } });
      else out.set(key, { clean: false, ours: a?.text ?? '', theirs: b?.text ?? '', base: o.text, deletedBy: a ? 'theirs' : 'ours' });
    } else out.set(key, { clean: 'deleted' });
  }
  return out;
}
