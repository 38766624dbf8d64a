// A pass after reading: headings numbered the way their sibling heading tasks are
// are the next steps of the same list, tasks too.

import type { headingId } from '../names.js';
import type { OutlineNode } from '../outline.js';
import { headingParents, type PassState } from './state.js';

/**
 * `### 2. Foundations` beside `### 1. Site survey ✅`, `## Phase 2: Beta` beside `## Phase 1: Alpha ✅`: headings
 * numbered the way their sibling heading tasks are (same parent, same level), where those and they hold no tasks
 * of their own, are the next steps of the same list: tasks too, with the status a ledger row gives them
 * (mergeLedgers), or none.
 */
export function siblingHeadingTasks(b: PassState): void {
  const style = (node: OutlineNode, name: string, id: ReturnType<typeof headingId>): string | null =>
    /^\d+[.)]\s/u.test(name) ? 'numbered' : id.scope && id.id !== null ? `scope ${Object.keys(node.scope)[0] ?? ''}` : null;
  const parents = headingParents(b.headings);
  const families = new Map<string, { node: OutlineNode; name: string; id: ReturnType<typeof headingId>; style: string | null }[]>();
  for (const node of b.closedHeadings) {
    const { name, id } = b.headingName(node.at!.block);
    const key = `${parents[node.index]}:${node.depth}`;
    const family = families.get(key) ?? [];
    families.set(key, family);
    family.push({ node, name, id, style: style(node, name, id) });
  }
  for (const family of families.values()) {
    // Only beside heading tasks that are the work themselves: headings that hold tasks are containers, not steps.
    const styles = new Set(family.filter((f) => f.node.task && f.node.holds === 0 && f.style).map((f) => f.style));
    for (const f of family) {
      if (f.node.task || b.skipped.has(f.node) || !f.style || !styles.has(f.style) || f.node.holds > 0 || f.node.depth <= 1 || f.node.listStatus) continue;
      b.addHeadingTask(f.node, f.name, f.id, 'none');
    }
  }
}
