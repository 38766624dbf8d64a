// The test seam PLAN_TEST_HALT (src/system/halt.ts) signals only at the point it
// names, only with the two signals it takes, and once per process. The signal
// itself is seen by the crash and pause tests (test/e2e/write-crash, write-pause).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runtime, useRuntime } from '../../src/system/runtime.js';
import { haltAt } from '../../src/system/halt.js';

/** process.kill, never called for real here (it would stop the test worker). */
function kills(env: Record<string, string>, run: () => void): unknown[][] {
  const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
  const back = useRuntime({ ...runtime(), env });
  try {
    run();
    return kill.mock.calls;
  } finally {
    back();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('PLAN_TEST_HALT', () => {
  it('unset, set to another point, another signal or no point: no signal', () => {
    const envs: Record<string, string>[] = [
      {},
      { PLAN_TEST_HALT: 'SIGKILL@replaced' },
      { PLAN_TEST_HALT: 'SIGTERM@locked' },
      { PLAN_TEST_HALT: 'SIGKILL' },
      { PLAN_TEST_HALT: '@locked' },
    ];
    for (const env of envs) {
      expect(
        kills(env, () => haltAt('locked')),
        JSON.stringify(env),
      ).toEqual([]);
    }
  });

  it('at the point it names: that signal to this process, once (a write that starts over passes its points again)', () => {
    const calls = kills({ PLAN_TEST_HALT: 'SIGSTOP@temp-synced' }, () => {
      haltAt('read');
      haltAt('temp-synced');
      haltAt('temp-synced');
    });
    expect(calls).toEqual([[process.pid, 'SIGSTOP']]);
  });
});
