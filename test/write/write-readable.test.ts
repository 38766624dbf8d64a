// A write never leaves a plan that plan cannot read: after such a write only a hand
// edit recovers the file (MCP add_task with a title of megabytes wrote the row, then
// every command failed). The result is checked before the file is replaced.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transact } from '../../src/write/transaction.js';

const PLAN = '# Plan\n\n- [ ] first task\n';
let dir: string;
const saved = { max: process.env.PLAN_MAX_BYTES, cache: process.env.PLAN_NO_CACHE };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-readable-'));
  process.env.PLAN_NO_CACHE = '1';
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const [key, value] of [
    ['PLAN_MAX_BYTES', saved.max],
    ['PLAN_NO_CACHE', saved.cache],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** Appends `text` to the plan in one transaction. */
function append(file: string, text: string) {
  return transact(file, { touch: false, memory: false }, () => ({ edits: [{ start: PLAN.length, end: PLAN.length, expect: '', text }], value: null }));
}

describe('a write whose result plan could not read', () => {
  it('is refused when the file would pass the size plan reads, and the file is left as it was', async () => {
    const file = join(dir, 'PLAN.md');
    writeFileSync(file, PLAN);
    process.env.PLAN_MAX_BYTES = '2000';
    await expect(append(file, `- [ ] ${'x'.repeat(3000)}\n`)).rejects.toThrow(/plan reads; nothing was written/);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('goes through when the result reads, long text included', async () => {
    const file = join(dir, 'PLAN.md');
    writeFileSync(file, PLAN);
    const line = `- [ ] ${'long title '.repeat(2000)}\n`;
    const r = await append(file, line);
    expect(r.written).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(PLAN + line);
  });
});
