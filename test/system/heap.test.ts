// A run that reads much plan text keeps V8's young generation at its starting
// size (src/system/heap.ts), once, and leaves word of how to put the flag back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runtime, useRuntime } from '../../src/system/runtime.js';
import {
  COLLECT_CHARS,
  collectAfterParse,
  collectEvery,
  forgetHeavyReads,
  HEAP_FLAG_RESTORE,
  HEAVY_BYTES,
  heavyRead,
  underDefaultFlags,
} from '../../src/system/heap.js';

const flags = (): { set: string[]; setFlagsFromString(f: string): void } => {
  const set: string[] = [];
  return { set, setFlagsFromString: (f) => void set.push(f) };
};
const restoreOf = () => (globalThis as unknown as Record<symbol, string | undefined>)[HEAP_FLAG_RESTORE];

const forget = (): void => {
  forgetHeavyReads();
  delete (globalThis as unknown as Record<symbol, string | undefined>)[HEAP_FLAG_RESTORE];
};
// The count is process-wide and the unit tier's files share a worker: a file before this one may have read much.
beforeEach(forget);
afterEach(forget);

describe('heavyRead', () => {
  it('sets the growth factor once, when the plan text read in all passes HEAVY_BYTES', () => {
    const v8 = flags();
    expect(heavyRead(HEAVY_BYTES / 2, v8)).toBe(false);
    expect(v8.set).toEqual([]);
    expect(restoreOf()).toBeUndefined();
    expect(heavyRead(HEAVY_BYTES / 2, v8)).toBe(true);
    expect(v8.set).toEqual(['--semi-space-growth-factor=1']);
    expect(restoreOf()).toBe('--semi-space-growth-factor=2');
    expect(heavyRead(HEAVY_BYTES * 4, v8)).toBe(false);
    expect(v8.set).toHaveLength(1);
  });

  it('leaves small runs alone, and a flag the user set', () => {
    const v8 = flags();
    for (let i = 0; i < 10; i++) heavyRead(3000, v8);
    expect(v8.set).toEqual([]);
    const back = useRuntime({ ...runtime(), env: { NODE_OPTIONS: '--max-semi-space-size=8' } });
    try {
      expect(heavyRead(HEAVY_BYTES, v8)).toBe(false);
    } finally {
      back();
    }
    expect(v8.set).toEqual([]);
  });
});

describe('underDefaultFlags', () => {
  it('compiles under the default growth after a heavy read, then keeps the run small again; before one, touches no flag', () => {
    const v8 = flags();
    const seen: string[][] = [];
    const compile = (value: number) => () => {
      seen.push([...v8.set]);
      return value;
    };
    expect(underDefaultFlags(compile(1), () => v8)).toBe(1);
    expect(v8.set).toEqual([]);
    heavyRead(HEAVY_BYTES, v8);
    v8.set.length = 0;
    expect(underDefaultFlags(compile(2), () => v8)).toBe(2);
    expect(seen[1]).toEqual(['--semi-space-growth-factor=2']);
    expect(v8.set).toEqual(['--semi-space-growth-factor=2', '--semi-space-growth-factor=1']);
    const fails = () => {
      throw new Error('bad source');
    };
    expect(() => underDefaultFlags(fails, () => v8)).toThrow('bad source');
    expect(v8.set.at(-1)).toBe('--semi-space-growth-factor=1');
  });
});

describe('collectAfterParse', () => {
  it('collects once after a parse of COLLECT_CHARS or more, never after a smaller one', () => {
    let runs = 0;
    const collect = () => void runs++;
    expect(collectAfterParse(COLLECT_CHARS - 1, collect)).toBe(false);
    expect(runs).toBe(0);
    expect(collectAfterParse(COLLECT_CHARS, collect)).toBe(true);
    expect(runs).toBe(1);
  });

  it("runs V8's own collection without leaving gc() on the global object, and a collection that fails costs nothing", () => {
    expect(collectAfterParse(COLLECT_CHARS)).toBe(true);
    expect(collectAfterParse(COLLECT_CHARS)).toBe(true);
    expect('gc' in globalThis).toBe(false);
    const fails = () => {
      throw new Error('no gc');
    };
    expect(collectAfterParse(COLLECT_CHARS, fails)).toBe(false);
  });
});

describe('collectEvery', () => {
  it('collects each time `every` bytes more have been read, counting from the last collection', () => {
    let runs = 0;
    const read = collectEvery(100, () => void runs++);
    read(60);
    expect(runs).toBe(0);
    read(60);
    expect(runs).toBe(1);
    read(99);
    expect(runs).toBe(1);
    read(1);
    expect(runs).toBe(2);
  });
});
