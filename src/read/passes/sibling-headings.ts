// A pass after reading: headings numbered the way their sibling heading tasks are
// are the next steps of the same list, tasks too.

import { headingNumber, type headingId } from '../names.js';
import type { OutlineNode } from '../outline.js';
import { headingParents, type PassState } from './state.js';

interface Member {
  node: OutlineNode;
  name: string;
  id: ReturnType<typeof headingId>;
  style: string | null;
}

/**
 * `### 2. Foundations` beside `### 1. Site survey ✅`, `## Phase 2: Beta` beside `## Phase 1: Alpha ✅`: headings
 * numbered the way their sibling heading tasks are (same parent, same level), where those and they hold no tasks
 * of their own, are the next steps of the same list: tasks too, with the status a ledger row gives them
 * (mergeLedgers), or none. Outline numbers (`### 1.2.` under `## 1.`, `### 2.1.` under `## 2.`) number one list
 * of steps across their parents: the steps of every parent are one family.
 */
export function siblingHeadingTasks(b: PassState): void {
  const parents = headingParents(b.headings);
  const byIndex = new Map(b.closedHeadings.map((n) => [n.index, n]));
  const families = new Map<string, Member[]>();
  for (const node of b.closedHeadings) {
    const { name, id } = b.headingName(node.at!.block);
    const number = headingNumber(name);
    const parent = byIndex.get(parents[node.index]!);
    const outline = number && number.parts > 1 && parent && headingNumber(parent.name)?.parts === number.parts - 1;
    const style = styleOf(node, number, id);
    const keys = [`${parents[node.index]}:${node.depth}`, ...(outline ? [`${parents[parent.index]}:${node.depth}:outline`] : [])];
    for (const key of keys) {
      // Pushed, not copied: a copy per heading would make a file of many headings slow.
      const family = families.get(key);
      if (family) family.push({ node, name, id, style });
      else families.set(key, [{ node, name, id, style }]);
    }
  }
  for (const [key, family] of families) {
    // Only beside heading tasks that are the work themselves: headings that hold tasks are containers, not steps.
    const steps = family.filter((f) => f.node.task && f.node.holds === 0 && f.style && !holdsHeadingTasks(b, f.node));
    // Across parents, one step that says a state is too little to make the others steps (a design document's `### 2.3 Auth ✅`).
    if (key.endsWith(':outline') && steps.length < 2) continue;
    const styles = new Set(steps.map((f) => f.style));
    for (const f of family) {
      if (f.node.task || b.skipped.has(f.node) || !f.style || !styles.has(f.style) || f.node.holds > 0 || f.node.depth <= 1 || f.node.listStatus) continue;
      if (holdsHeadingTasks(b, f.node)) continue;
      // No status from a done parent: `plan set` on the parent would change its steps too.
      b.addHeadingTask(f.node, f.name, f.id, 'none');
    }
  }
}

/** How a heading numbers its step: by a number of so many parts, or by a scope's number (`Phase 2`). */
function styleOf(node: OutlineNode, number: ReturnType<typeof headingNumber>, id: ReturnType<typeof headingId>): string | null {
  // `### K3. Notes` beside `### K1. Reply card — done` may be a section: a code is no list's number.
  if (number && /^\d/u.test(number.id)) return `numbered ${number.parts}`;
  return id.scope && id.id !== null ? `scope ${Object.keys(node.scope)[0] ?? ''}` : null;
}

/** A heading task with a heading task inside its section: the steps are below it. */
function holdsHeadingTasks(b: PassState, node: OutlineNode): boolean {
  const next = b.headings.findIndex((h, i) => i > node.index && h.depth <= node.depth);
  const end = next < 0 ? Infinity : b.headings[next]!.line;
  return b.headingTasks.some((f) => !f.dropped && f.task.line > node.line && f.task.line < end);
}
