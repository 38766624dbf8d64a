// A setup file of every project: after each test, the number of expect() calls
// it made goes into the test's meta, and test/setup/slowest.ts adds them up at
// the end of a run (so a change to the suite can show it checks no less).
import { afterEach, expect } from 'vitest';

afterEach((ctx) => {
  (ctx.task.meta as { assertions?: number }).assertions = expect.getState().assertionCalls;
});
