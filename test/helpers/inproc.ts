// In-process helpers: the real parse → model → edit pipeline without a child
// process, for property and corpus tests that need thousands of writes.
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { buildFromText } from '../../src/load/load.js';
import { applyEdits } from '../../src/write/splice.js';
import { changesWhatItIs, makeEditContext, readBackOf, statusOwnerEdits } from '../../src/write/task-edits.js';
import { readBackProblem, movedTaskAfter } from '../../src/write/verify.js';
import type { StatusMemory } from '../../src/write/memory.js';
import { repairMojibake } from '../../src/text/mojibake.js';
import { mayHaveMojibake } from '../../src/text/mojibake-check.js';
import type { Plan, Task } from '../../src/model/types.js';
import { showsStatus } from '../../src/read/mentions.js';
import type { SettableStatus } from '../../src/model/status.js';

export async function planOf(text: string, file = 'plan.md'): Promise<Plan> {
  return buildFromText(`/nonexistent/${file}`, text, false);
}

/** How many texts sharedPlanOf keeps read (the last used). */
const KEPT = 32;
const kept = new Map<string, Promise<Plan>>();

/**
 * planOf, each text read once: for the corpus tests that read the same text
 * again and again (the file as it was, after each task's round trip; the text
 * a write read back, read again by the test). The plan is shared: read it, never change it.
 */
export function sharedPlanOf(text: string): Promise<Plan> {
  let plan = kept.get(text);
  if (plan) kept.delete(text);
  else plan = planOf(text);
  kept.set(text, plan);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return plan;
}

/**
 * Sets task number `index` (in file order) to `to`; returns the new text, or
 * throws the refusal the command would give. `parsed`: the plan of `text`, when
 * the caller already has it (a test that sets every task of one file parses it once);
 * `read`: how to read a text (sharedPlanOf, for a test that reads the result again).
 */
export async function setInProcess(
  text: string,
  index: number,
  to: SettableStatus,
  memory: StatusMemory,
  parsed?: Plan,
  read: (text: string) => Promise<Plan> = planOf,
): Promise<string> {
  const plan = parsed ?? (await read(text));
  const task = plan.tasks[index]!;
  const damaged = mayHaveMojibake(text);
  const ec = makeEditContext('plan.md', text, plan, memory, damaged ? repairMojibake : (s) => s);
  // As `plan set` does: every place of a task written in several (Task.mentions).
  const change = statusOwnerEdits(ec, task, to, undefined);
  const next = applyEdits(text, change.edits, 'plan.md');
  // Where only a fresh read can tell (the item's line no longer says its status), the command reads the file again, as here.
  const reread = readBackOf(change, task, to);
  const after = reread.length ? await read(next) : null;
  for (const r of reread) {
    const moved = r.moved ? movedTaskAfter(plan, after!, r.task, to, r.moved.carried) : null;
    const problem = moved ? ('problem' in moved ? moved.problem : null) : readBackProblem(after!, r.task, to);
    if (problem) throw changesWhatItIs(ec, r.task, to, problem);
  }
  return next;
}

/**
 * Every place of a task written in several (Task.mentions) shows its status: a set
 * writes them all, so setting back restores the bytes only where they agreed
 * before (a place that disagreed is brought in line; test/write/mentions-write.test.ts).
 */
export function placesAgree(t: Task): boolean {
  return (t.mentions ?? []).every((m) => !showsStatus(m) || m.status === t.status);
}

export function otherStatus(t: Task): SettableStatus {
  return t.status === 'done' ? 'pending' : 'done';
}

/**
 * expect(actual).toEqual(expected) for two models, at a third of the cost where they
 * are equal: a strict deep equality (same keys, values and prototypes) implies
 * toEqual's, and then the one expect() compares `expected` with itself; else
 * toEqual compares them and reports the difference, as it would have.
 */
export function expectSamePlan(actual: unknown, expected: unknown, label: string): void {
  expect(isDeepStrictEqual(actual, expected) ? expected : actual, label).toEqual(expected);
}
