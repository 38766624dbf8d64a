// A pass after reading: sibling headings that each open with a code of their own are
// the entries of a register (bugs, gaps, requests), tasks.

import type { Task } from '../../model/types.js';
import { headingParents, type PassState } from './state.js';

/** `B4 — Dead field`, `G16: Storm not saved`, `B9sim – …`: capitals and a number (a suffix of small letters), a dash or colon, a name. */
const ENTRY_CODE = /^([A-Z]{1,3}\d{1,4}[a-z]{0,4})[ \t]*[—–:-][ \t]+(?=\S)/u;

/** Three entries or more: two coded sections (`### B1 — Migration`, `### B2 — CORS`) are more likely a guide's parts. */
const MIN_ENTRIES = 3;

/**
 * `### B4 — Dead field`, `### B31 — Timeout unreachable`, `### G16 — Storm not saved` under one parent: three or
 * more sibling headings (same parent, same level) that each open with a code of their own (all different), and hold
 * neither headings nor tasks, are the entries of a register, each a task. Alone such a code numbers a section
 * (`## S0 — Foundation`, `## P1 — Must have`: headings take only hyphenated codes by themselves), and a section
 * that holds headings or tasks is a container; a run of leaf sections each with its own code is a list of
 * entries. Their status is what each writes (a mark, a `**Status:**` field), else pending: an entry a register
 * keeps is open until it is marked.
 */
export function codeHeadingTasks(b: PassState): Task[] {
  const entries: Task[] = [];
  const parents = headingParents(b.headings);
  const hasChildren = new Set(parents);
  const families = new Map<string, { node: PassState['closedHeadings'][number]; code: RegExpExecArray }[]>();
  for (const node of b.closedHeadings) {
    if (node.holds > 0 || hasChildren.has(node.index) || node.scoped || node.listStatus || b.skipped.has(node)) continue;
    const code = ENTRY_CODE.exec(b.headingName(node.at!.block).name);
    // `### G16: Storm not saved` is a task already (a colon code is its id): it still counts as an entry.
    if (!code || (node.task && node.task.id !== code[1])) continue;
    const key = `${parents[node.index]}:${node.depth}`;
    families.set(key, [...(families.get(key) ?? []), { node, code }]);
  }
  for (const family of families.values()) {
    if (family.length < MIN_ENTRIES || new Set(family.map((f) => f.code[1])).size < family.length) continue;
    for (const { node, code } of family) {
      if (!node.task) {
        const { name } = b.headingName(node.at!.block);
        const id = { id: code[1]!, rest: name.slice(code[0].length), scope: false };
        b.addHeadingTask(node, name, id, node.status !== 'none' ? node.status : (node.field?.status ?? 'none'));
      }
      if (node.task) entries.push(node.task);
    }
  }
  return entries;
}

/**
 * An entry of a register that states no status, nor a ledger row gives it one (`| B4 | Done |`, read after the
 * entries are found), is open: pending.
 */
export function openRegisterEntries(entries: Task[]): void {
  for (const t of entries) if (t.status === 'none') t.status = 'pending';
}
