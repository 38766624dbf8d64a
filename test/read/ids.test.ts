import { describe, expect, it } from 'vitest';
import { countIds, idKey, idOrLine, lineRef, parseLineRef, sameId } from '../../src/read/ids.js';

describe('ids', () => {
  it('compares ids without case, a leading # or surrounding spaces', () => {
    expect(idKey(' #T-1 ')).toBe('t-1');
    expect(sameId('#12', '12')).toBe(true);
    expect(sameId('T-1', 't-1')).toBe(true);
    expect(sameId('1.2', '1.3')).toBe(false);
    // Only a leading # goes: `A#1` is its own id.
    expect(sameId('A#1', 'A1')).toBe(false);
  });

  it('counts ids as they compare', () => {
    const counts = countIds([{ id: '#12' }, { id: '12' }, { id: 'T-1' }]);
    expect(counts.get('12')).toBe(2);
    expect(counts.get('t-1')).toBe(1);
  });

  it('names a task by its id when unique, else by its line', () => {
    const tasks = [
      { id: 'A', line: 3 },
      { id: 'a', line: 7 },
      { id: 'B', line: 9 },
    ];
    const counts = countIds(tasks);
    expect(tasks.map((t) => idOrLine(t, counts))).toEqual(['L3', 'L7', 'B']);
  });

  it('reads and writes line references', () => {
    expect(lineRef(42)).toBe('L42');
    expect(parseLineRef('L42')).toBe(42);
    expect(parseLineRef(' l7 ')).toBe(7);
    expect(parseLineRef('L4a')).toBeNull();
    expect(parseLineRef('T42')).toBeNull();
  });
});
