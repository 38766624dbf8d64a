// Conventions a file's own shape reveals, which make a mark mean there what it does not mean elsewhere.
// Kiro's spec task lists (`.kiro/specs/*/tasks.md`: numbered checkbox items, `- [ ] 2.1 Title`, each with
// `_Requirements: 1.2_` detail lines) write `[-]` for a task that has started, where Obsidian and most
// other files write it for a dropped one. The shape decides, not the file's name: a copy elsewhere reads alike.

import type { VocabularyExtension } from '../model/status.js';

/** A numbered checkbox item: `- [ ] 1. Title`, `- [-] 2.1 Title`, `- [x]* 3.4 Title` (the `*` marks an optional one). */
const NUMBERED_BOX = /^[ \t]*[-*][ \t]+\[[ xX-]\](?:\\?\*)?[ \t]+\d{1,4}(?:\.\d{1,4})*\.?[ \t]/mu;
/** A detail line naming the requirements a task meets: `  - _Requirements: 1.2, 3.4_`. */
const REQUIREMENTS = /^[ \t]*[-*][ \t]+_Requirements?:/mu;

/** What the file's conventions make of its marks (`[-]` → in progress in a Kiro task list), as a vocabulary extension. */
export function fileConventions(text: string): VocabularyExtension {
  if (REQUIREMENTS.test(text) && NUMBERED_BOX.test(text)) return { '[-]': 'in-progress' };
  return {};
}
