// A test seam: PLAN_TEST_HALT=<signal>@<point> makes a write send itself SIGKILL
// or SIGSTOP at one named point of the write path, so the crash and pause tests
// (test/e2e/write-crash, write-pause) land in each window for certain, on a small
// plan, where a kill timed from outside lands by chance and only on a huge one.
// Unset (always, outside those tests) it costs one look at the environment.

import { envText } from './env.js';

/** The points of a write, in order (src/write/lock.ts, transaction.ts, write.ts). */
export const HALT_POINTS = [
  'lock-made', // the lock folder made, its owner file not yet in it
  'locked', // the lock held
  'read', // the file read under the lock, nothing written yet
  'temp-written', // the temporary file written, not yet synced
  'temp-synced', // the temporary file synced and closed, not yet renamed over the plan
  'replaced', // the plan replaced, the journal not yet written
  'journaled', // the undo journal written, the lock still held
  'unlocked', // the lock let go, the process not yet ended
] as const;

export type HaltPoint = (typeof HALT_POINTS)[number];

const SIGNALS = new Set(['SIGKILL', 'SIGSTOP']);
/** A write that starts over (the file changed meanwhile) passes its points again: it stops at each only once. */
const passed = new Set<HaltPoint>();

/** Stops or kills this process here when PLAN_TEST_HALT names this point. */
export function haltAt(point: HaltPoint): void {
  const value = envText('PLAN_TEST_HALT');
  if (!value) return;
  const [signal, at] = value.split('@');
  if (at !== point || !signal || !SIGNALS.has(signal) || passed.has(point)) return;
  passed.add(point);
  // Sent to this process, the signal is taken on the way back from kill(2): nothing after this line runs before it.
  process.kill(process.pid, signal as NodeJS.Signals);
}
