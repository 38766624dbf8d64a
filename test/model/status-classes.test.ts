import { describe, expect, it } from 'vitest';
import { FINISHED_STATUSES, isFinished, isOpen, OPEN_STATUSES, STATUSES } from '../../src/model/status.js';

describe('status classes', () => {
  it('puts every status in exactly one of open and finished', () => {
    for (const s of STATUSES) expect([isOpen(s), isFinished(s)].filter(Boolean)).toHaveLength(1);
    expect([...OPEN_STATUSES, ...FINISHED_STATUSES].sort()).toEqual([...STATUSES].sort());
  });

  it('counts done and cancelled as finished, a task with no status as open', () => {
    expect(isFinished('done')).toBe(true);
    expect(isFinished('cancelled')).toBe(true);
    expect(isOpen('none')).toBe(true);
    expect(isOpen('blocked')).toBe(true);
    expect(isOpen('in-progress')).toBe(true);
  });
});
