// One finding per table or block for an issue of a whole column: the count,
// the first position, and what to do, instead of one line per row.

import type { Problem } from '../model/types.js';
import type { Finding } from './types.js';

/** `findings` with each group of two or more replaced by one problem at the first's position. */
export function collapseGroups(findings: Finding[]): Problem[] {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) if (f.group) byKey.set(f.group.key, [...(byKey.get(f.group.key) ?? []), f]);
  const out: Problem[] = [];
  for (const f of findings) {
    const all = f.group ? byKey.get(f.group.key)! : [f];
    if (all.length === 1) out.push(plain(f));
    else if (all[0] === f) out.push({ ...plain(f), message: `${f.group!.summary(all)}; --verbose lists each` });
  }
  return out;
}

function plain(f: Finding): Problem {
  return { line: f.line, column: f.column, severity: f.severity, code: f.code, message: f.message };
}

/** `a, b, c` or `a, b, …` for at most `max` items. */
export function some(items: string[], max = 3): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max - 1).join(', ')}, …`;
}
