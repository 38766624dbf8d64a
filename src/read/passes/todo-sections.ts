// A pass after reading: a to-do file written as sections, one section a thing to do.

import { headingParents, type PassState } from './state.js';

/**
 * A file whose first heading says its work is still to do (`# TODO`, `# TODO intro`, `# Backlog`) and that
 * marks no tasks but headings (no box, no marked item or row; a heading may have an id or a mark) writes each thing to do as a section: a heading
 * with prose under it and no headings of its own, below the file's topic headings (`# libcurl` over
 * `## alt-svc sharing`). Each is a task, pending (those an id made tasks too): the file says so of all of them. A file that marks its tasks
 * says which lines they are, and those alone are read.
 */
export function todoSections(b: PassState): void {
  const first = b.closedHeadings.find((n) => n.index === 0);
  // Headings with an id-like name (`## TLS-PSK with OpenSSL`) or a mark (`## Fix the gate ✅`, as plan set writes
  // it) are read as tasks already: the sections stay the file's items whatever their state.
  const marked = b.found.some((f) => !f.dropped && f.task.source.type !== 'heading');
  if (first?.listStatus !== 'pending' || marked || b.headings.length < 2) return;
  const parents = headingParents(b.headings);
  const hasChildren = new Set(parents);
  const top = Math.min(...b.headings.map((h) => h.depth));
  const items = b.closedHeadings
    .filter((n) => n.index > 0 && n.depth > top && !hasChildren.has(n.index) && !b.skipped.has(n) && n.holds === 0 && !n.listStatus)
    .sort((x, y) => x.index - y.index);
  for (const node of items) {
    if (node.task) {
      if (node.task.status === 'none') node.task.status = 'pending';
      continue;
    }
    const { name, id } = b.headingName(node.at!.block);
    b.addHeadingTask(node, name, id, node.status !== 'none' ? node.status : (node.field?.status ?? 'pending'));
  }
}
