// What the passes after reading see of the builder (src/read/build.ts): the tasks
// found so far, the headings and tables read, and the few builder steps a pass takes.
// The builder runs the passes in order once every block is read (Builder.finish).

import type { HeadingBlock } from '../../parse/blocks.js';
import type { Status, Vocabulary } from '../../model/status.js';
import type { headingId } from '../names.js';
import type { OutlineNode } from '../outline.js';
import type { Heading, TableInfo, Task } from '../../model/types.js';

/** A task with where it sorts: tasks are listed in file order of their anchors. */
export interface Found {
  task: Task;
  anchor: number;
  dropped?: boolean;
  /** The status is only the place the task stands in (a heading task in a lane): any status written for it wins. */
  placed?: boolean;
}

export interface PassState {
  readonly found: Found[];
  readonly headings: Heading[];
  readonly tables: TableInfo[];
  /** Ordered-list tasks without an id: their numbers become ids when no number repeats. */
  readonly ordinals: Ordinal[];
  /** Items without an id that end by citing an issue (`(#24)`): the issue is the id where no other task has it. */
  readonly issues: { found: Found; n: string }[];
  readonly headingTasks: Found[];
  /**
   * Numbered items under a label line and no heading (`Sign-up form:` `1. Create the schema`): unmarked, tasks only in
   * a file of no headings and no other tasks; `marked` when the item is a task of its own (`1. ✅ …`).
   */
  readonly labelledSteps: { found: Found; marked: boolean }[];
  /** Every heading's node once its section has ended (for headings that are tasks beside heading tasks). */
  readonly closedHeadings: OutlineNode[];
  /** Headings with a status field, no id and no tasks under them: tasks when the file has several (see fieldedHeadingTasks). */
  readonly fielded: { node: OutlineNode; name: string; id: ReturnType<typeof headingId>; status: Status }[];
  /** Indices of headings that are tasks or hold some: sections where work is tracked. */
  readonly working: Set<number>;
  /** Headings in a skipped section: never tasks. */
  readonly skipped: Set<OutlineNode>;
  /** The file's status vocabulary (its legend, front matter and config included). */
  readonly vocab: Vocabulary;
  /** Drops a task found (it is no task after all), keeping the counts of the headings over it. */
  drop(found: Found): void;
  addHeadingTask(node: OutlineNode, name: string, headingCode: ReturnType<typeof headingId>, status: Status, placed?: boolean): void;
  /** A heading's name as a task and the id it writes. */
  headingName(block: HeadingBlock): { name: string; id: ReturnType<typeof headingId> };
}

/** Each heading's parent heading: its index in `headings`, or -1 at the top. */
export function headingParents(headings: readonly Heading[]): number[] {
  const parents: number[] = [];
  const stack: number[] = [];
  headings.forEach((h, i) => {
    while (stack.length && headings[stack[stack.length - 1]!]!.depth >= h.depth) stack.pop();
    parents[i] = stack.at(-1) ?? -1;
    stack.push(i);
  });
  return parents;
}

/**
 * A task's number: the ordered list's (`1. Set up`) or one written in the item's words (`- [ ] 1. Set up`). Each
 * kind is a numbering of its own: a checklist's `1.`…`10.` stay ids beside a numbered list that starts at 1 again.
 */
export interface Ordinal {
  found: Found;
  n: string;
  written: boolean;
}
