// Set every task to another status and back: the original bytes come back
// (on a board, where the task moves, when it was last in its section). Shared
// by roundtrip.test.ts and the corpus sweeps (test/write/corpus-sweep.ts).
import { expect } from 'vitest';
import { StatusMemory } from '../../src/write/memory.js';
import { PlanError } from '../../src/system/errors.js';
import { otherStatus, placesAgree, sharedPlanOf as planOf, setInProcess } from '../helpers/inproc.js';
import { showsStatus } from '../../src/read/mentions.js';
import type { Plan, Task } from '../../src/model/types.js';

const refusal = (e: unknown) => e instanceof PlanError && /would change what the line is/.test(e.message);

/**
 * Task `i` of `text` (whose plan is `plan`) set to another status and back: whether it was checked (not where it has
 * no status to restore, or `set` refuses the first write).
 */
export async function roundTripTask(text: string, plan: Plan, i: number): Promise<boolean> {
  const t = plan.tasks[i]!;
  if (t.status === 'none') return false; // no recognised status: nothing to restore
  if (t.source.type === 'row' && t.source.columns.status === undefined) return false;
  if (t.source.type === 'row' && t.source.cells[t.source.columns.status!] === undefined) return false;
  const memory = new StatusMemory(null);
  // A write that set refuses (the line would no longer read as the task) writes nothing: nothing to restore.
  const changed = await setInProcess(text, i, otherStatus(t), memory, plan, planOf).catch((e: unknown) => (refusal(e) ? null : Promise.reject(e)));
  if (changed === null) return false;
  expect(changed, `task ${t.id} line ${t.line}`).not.toBe(text);
  // On a board the task moves to the end of its new status's section, and back to the end of its own.
  const now = await planOf(changed);
  const moved = now.tasks[i]?.line !== t.line || now.tasks[i]?.title !== t.title;
  const k = moved ? now.tasks.findIndex((u) => u.title === t.title && u.status === otherStatus(t)) : i;
  const back = await setInProcess(changed, k, t.status as never, memory, now, planOf);
  const label = `task ${t.id} line ${t.line} back to ${t.status}`;
  if (!moved && placesAgree(t)) expect(back, label).toBe(text);
  else if (!moved) {
    // Places that disagreed (a summary bullet left unticked) now all show the status set back.
    const again = (await planOf(back)).tasks[i]!;
    expect(
      [again, ...(again.mentions ?? [])].filter(showsStatus).map((p) => p.status),
      label,
    ).toEqual([again, ...(again.mentions ?? [])].filter(showsStatus).map(() => t.status));
  } else await backHome(text, plan, i, back, label);
  return true;
}

/** A task moved to another section and set back: in its own section again, with the bytes it had where it was last there. */
async function backHome(text: string, plan: Plan, i: number, back: string, label: string): Promise<void> {
  const t = plan.tasks[i]!;
  const after = await planOf(back);
  const home = after.tasks.some((u) => u.title === t.title && u.status === t.status && u.section === t.section);
  // A card (a heading task in its lane) is last in its lane when no card after it shares the lane.
  const lane = (u: Task) => (u.source.type === 'heading' ? (u.section ?? '').split(' > ').slice(0, -1).join(' > ') : u.section);
  const next = t.source.type === 'heading' ? plan.tasks.slice(i + 1).find((u) => u.source.type === 'heading') : plan.tasks[i + 1];
  // Back in its own section: the original bytes where it was last there, else the same lines.
  const lines = (x: string) =>
    x
      .split('\n')
      .filter((l) => l.trim() !== '')
      .sort();
  if (home && (!next || lane(next) !== lane(t))) expect(back, label).toBe(text);
  else if (home) expect(lines(back), label).toEqual(lines(text));
  // The board has no one section for its status (it was written in the line): it reads back with it.
  else
    expect(
      after.tasks.some((u) => u.title === t.title && u.status === t.status),
      label,
    ).toBe(true);
}

export async function roundTripAll(text: string): Promise<{ tasks: number; checked: number }> {
  const plan = await planOf(text);
  let checked = 0;
  for (let i = 0; i < plan.tasks.length; i++) if (await roundTripTask(text, plan, i)) checked++;
  return { tasks: plan.tasks.length, checked };
}
