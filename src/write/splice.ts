// Pure splicing: replace exact spans of the text, after checking that each
// span still holds what the edit was computed from.

import { PlanError } from '../system/errors.js';

import type { Edit } from '../text/splice-edit.js';

export type { Edit };

export function applyEdits(text: string, edits: Edit[], file: string): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) {
      throw new Error(`overlapping or invalid edits at ${e.start}-${e.end}`);
    }
    if (text.slice(e.start, e.end) !== e.expect) {
      throw new PlanError(`${file}: the file changed while plan was editing it; nothing was written, run the command again`);
    }
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
