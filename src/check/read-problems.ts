// Problems found while reading the file (front matter that is not YAML or not
// valid YAML, a status map naming no status, an unreadable .planrc.json),
// with how to mend each.

import type { Problem } from '../model/types.js';
import type { CheckInput } from './types.js';

const HINTS: Record<string, string> = {
  'front-matter-yaml': 'fix the YAML between the `---` lines (quote values that contain `: ` or start with a special character)',
  'front-matter-language': 'write the front matter as a YAML mapping between `---` lines (`key: value`)',
  'status-map': '',
  config: 'fix the JSON in .planrc.json',
};

export function checkReadProblems({ plan }: CheckInput): Problem[] {
  return plan.problems.map((p) => {
    const hint = HINTS[p.code];
    return hint ? { ...p, message: `${p.message}; ${hint}` } : { ...p };
  });
}
