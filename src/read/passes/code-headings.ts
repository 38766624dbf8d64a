// A pass after reading: sibling headings that each open with a code of their own are
// the entries of a register (bugs, gaps, requests), tasks.

import type { Task } from '../../model/types.js';
import { headingParents, type PassState } from './state.js';

/**
 * `B4 — Dead field`, `G16: Storm not saved`, `B9sim – …`: capitals and a number (a suffix of small letters), a dash
 * or colon, a name; or `A1. Create the project`: the same code and a full stop (group 2).
 */
const ENTRY_CODE = /^([A-Z]{1,3}\d{1,4}[a-z]{0,4})(?:[ \t]*[—–:-]|(\.))[ \t]+(?=\S)/u;

/** Three entries or more: two coded sections (`### B1 — Migration`, `### B2 — CORS`) are more likely a guide's parts. */
const MIN_ENTRIES = 3;

type Node = PassState['closedHeadings'][number];
type Entry = { node: Node; code: RegExpExecArray };

/**
 * `### B4 — Dead field`, `### B31 — Timeout unreachable`, `### G16 — Storm not saved` under one parent: three or
 * more sibling headings (same parent, same level) that each open with a code of their own (all different), and hold
 * neither headings nor tasks, are the entries of a register, each a task. Alone such a code numbers a section
 * (`## S0 — Foundation`, `## P1 — Must have`: headings take only hyphenated codes by themselves), and a section
 * that holds headings or tasks is a container; a run of leaf sections each with its own code is a list of
 * entries. Their status is what each writes (a mark, a `**Status:**` field), else what their parent heading
 * states (`## Part A — ✅ DONE` over `### A0. Mockups`, `### A1. …`: the part is done, and so is its work), else
 * pending: an entry a register keeps is open until it is marked.
 */
export function codeHeadingTasks(b: PassState): Task[] {
  const entries: Task[] = [];
  const parents = headingParents(b.headings);
  const families = entryFamilies(b, parents);
  const planned = plannedParts(b, parents, families);
  for (const [parent, family] of families) {
    if (!planned.has(parent)) continue;
    const given = parent >= 0 ? b.headings[parent]!.status : 'none';
    for (const { node, code } of family) {
      if (!node.task) {
        const { name } = b.headingName(node.at!.block);
        const id = { id: code[1]!, rest: name.slice(code[0].length), scope: false };
        b.addHeadingTask(node, name, id, node.status !== 'none' ? node.status : (node.field?.status ?? given));
      }
      if (node.task) entries.push(node.task);
    }
  }
  return entries;
}

/** Leaf headings that open with a code, by parent heading (all at one level), where three or more differ. */
function entryFamilies(b: PassState, parents: number[]): Map<number, Entry[]> {
  const hasChildren = new Set(parents);
  const families = new Map<string, Entry[]>();
  for (const node of b.closedHeadings) {
    if (node.holds > 0 || hasChildren.has(node.index) || node.scoped || node.listStatus || b.skipped.has(node)) continue;
    const code = ENTRY_CODE.exec(b.headingName(node.at!.block).name);
    // `### G16: Storm not saved` is a task already (a colon code is its id): it still counts as an entry.
    if (!code || (node.task && node.task.id !== code[1])) continue;
    const key = `${parents[node.index]}:${node.depth}`;
    const family = families.get(key);
    if (family) family.push({ node, code });
    else families.set(key, [{ node, code }]);
  }
  const byParent = new Map<number, Entry[]>();
  for (const family of families.values()) {
    if (family.length < MIN_ENTRIES || new Set(family.map((f) => f.code[1])).size < family.length) continue;
    // Families of one parent at two levels (an H3 run and an H4 run under one H2) are both registers, as before.
    const parent = parents[family[0]!.node.index]!;
    byParent.set(parent, [...(byParent.get(parent) ?? []), ...family]);
  }
  return byParent;
}

/**
 * The parents whose entries are work. A dashed code (`B4 — …`) is a register's mark by itself; a full stop
 * (`A1. Scope`) also numbers the sections of prose (an appendix), so those are work only in a part that looks
 * like a plan: the part heading states a status, or a part beside it (same parent, same level) does: `## Part B —
 * Sam` beside `## Part A — ✅ DONE` is the rest of the same split of the work. A status on some entries alone
 * does not do (`### K3. Notes` beside `### K1. Reply card — done` is a section).
 */
function plannedParts(b: PassState, parents: number[], families: Map<number, Entry[]>): Set<number> {
  const planned = new Set<number>();
  const dotted: number[] = [];
  for (const [parent, family] of families) {
    if (!family.some((f) => f.code[2])) planned.add(parent);
    else if (parent >= 0 && b.headings[parent]!.status !== 'none') planned.add(parent);
    else dotted.push(parent);
  }
  const part = (i: number) => (i < 0 ? 'top' : `${parents[i]}:${b.headings[i]!.depth}`);
  const plannedParts = new Set([...planned].filter((p) => families.get(p)!.some((f) => f.code[2])).map(part));
  for (const parent of dotted) if (plannedParts.has(part(parent))) planned.add(parent);
  return planned;
}

/**
 * An entry of a register that states no status, nor a ledger row gives it one (`| B4 | Done |`, read after the
 * entries are found), is open: pending.
 */
export function openRegisterEntries(entries: Task[]): void {
  for (const t of entries) if (t.status === 'none') t.status = 'pending';
}
