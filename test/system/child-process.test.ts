// The main bundle's node:child_process (src/system/child-process.cjs): the module's own functions, loaded on first use.
import { describe, expect, it } from 'vitest';
import * as childProcess from 'node:child_process';
import { createRequire } from 'node:module';

const lazy = createRequire(import.meta.url)('../../src/system/child-process.cjs') as Record<string, unknown>;

describe('the lazy node:child_process', () => {
  it('gives every function of node:child_process, the same one', () => {
    const functions = Object.keys(childProcess).filter((k) => !k.startsWith('_') && typeof (childProcess as Record<string, unknown>)[k] === 'function');
    expect(Object.keys(lazy).sort()).toEqual(functions.sort());
    for (const name of functions) expect(lazy[name]).toBe((childProcess as Record<string, unknown>)[name]);
  });
});
