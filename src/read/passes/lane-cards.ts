// A pass after reading: on a board whose lanes are headings (`## Backlog`,
// `## In Progress`, `## Done`), the headings in the lanes are its cards.

import type { Status } from '../../model/status.js';
import { isTagKey } from '../fields.js';
import type { OutlineNode } from '../outline.js';
import { headingParents, type PassState } from './state.js';

/**
 * `### Paint the fence` under `## Backlog`, beside `## In Progress` and `## Done`: where two or more sibling
 * headings each name a state of work (lanes, as a kanban board's columns) and the headings inside them are
 * mostly cards (they hold no tasks of their own: a card's fields, prose, at most a few steps), every such
 * heading is a task with its lane's state. Headings that hold the tasks under a lane (`### Backend` over
 * `- [ ] …` items in each lane) are categories, and a lone heading naming a state is a document's section.
 */
export function laneCards(b: PassState): void {
  const byIndex = new Map<number, OutlineNode>();
  for (const node of b.closedHeadings) byIndex.set(node.index, node);
  const parents = headingParents(b.headings);
  const lanesOf = new Map<number, OutlineNode[]>();
  for (const node of b.closedHeadings) {
    if (!node.listStatus || b.skipped.has(node)) continue;
    const key = parents[node.index]!;
    const siblings = lanesOf.get(key) ?? [];
    lanesOf.set(key, siblings);
    siblings.push(node);
  }
  const cards: { node: OutlineNode; lane: OutlineNode }[] = [];
  for (const lanes of lanesOf.values()) {
    if (lanes.length < 2) continue;
    const laneSet = new Set(lanes.map((l) => l.index));
    for (const node of b.closedHeadings) {
      const lane = byIndex.get(parents[node.index]!);
      if (lane && laneSet.has(lane.index) && node.depth === lane.depth + 1 && !node.listStatus) cards.push({ node, lane });
    }
  }
  const bare = cards.filter((c) => c.node.holds === 0).length;
  if (cards.length === 0 || bare * 2 < cards.length) return;
  for (const { node, lane } of cards) {
    // A heading over a table of tasks in the lane is the table's caption, as it is anywhere else: its rows are the cards.
    if (node.task || b.skipped.has(node) || (node.holds > 0 && node.holdsItems === 0)) continue;
    const { name, id } = b.headingName(node.at!.block);
    b.addHeadingTask(node, name, id, node.status !== 'none' ? node.status : (node.field?.status ?? taggedStatus(b, node) ?? lane.listStatus!));
  }
}

/** A card's tag that is wholly a state (`tags: [Out of Scope, Epic: Garden]`): the card is in that state whatever its lane. */
function taggedStatus(b: PassState, node: OutlineNode): Status | null {
  for (const [key, value] of Object.entries(node.fields ?? {})) {
    if (!isTagKey(key)) continue;
    for (const tag of value.replace(/^\s*\[|\]\s*$/gu, '').split(/[,;]/u)) {
      const word = b.vocab.leadingWord(tag.trim());
      if (word && word.text.length === tag.trim().length) return word.status;
    }
  }
  return null;
}
