// `plan set <id> <status> --owner <name>`: on a write, --owner assigns the
// task (as in add and edit), in its Owner cell or as an `@name` mark; a task
// with no place for an owner is refused with the reason. In process, bytes on disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setStatusOp } from '../../src/actions/set.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
const saved = process.env.XDG_CACHE_HOME;
beforeAll(() => {
  process.env.XDG_CACHE_HOME = join(tmp.dir, 'cache');
});
afterAll(() => {
  if (saved === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved;
  tmp.cleanup();
});
let n = 0;
const OPTS = { touch: false, memory: false };

function planFile(text: string): string {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, text);
  return path;
}

describe('set --owner', () => {
  it('writes the Owner cell with the status', async () => {
    const path = planFile('| ID | Task | Owner | Status |\n|---|---|---|---|\n| S1-5 | Login | | Todo |\n');
    const r = await setStatusOp(path, 'S1-5', 'wip', {}, OPTS, 'ana');
    expect(r.task).toMatchObject({ owner: 'ana', status: 'in-progress' });
    expect(readFileSync(path, 'utf8')).toBe('| ID | Task | Owner | Status |\n|---|---|---|---|\n| S1-5 | Login | ana | In Progress |\n');
  });

  it('assigns even where the status is already so', async () => {
    const path = planFile('| ID | Task | Owner | Status |\n|---|---|---|---|\n| 1 | Login | bo | Todo |\n');
    await setStatusOp(path, '1', 'pending', {}, OPTS, 'ana');
    expect(readFileSync(path, 'utf8')).toBe('| ID | Task | Owner | Status |\n|---|---|---|---|\n| 1 | Login | ana | Todo |\n');
  });

  it('a list item takes an @name mark', async () => {
    const path = planFile('- [ ] 1.1 Login\n');
    await setStatusOp(path, '1.1', 'done', {}, OPTS, 'ana');
    expect(readFileSync(path, 'utf8')).toBe('- [x] 1.1 Login @ana\n');
  });

  it('a heading task has no place for an owner: refused with the reason, nothing written', async () => {
    const text = '### BUG-1: Crash on start\n\n**Status**: pending\n';
    const path = planFile(text);
    await expect(setStatusOp(path, 'BUG-1', 'done', {}, OPTS, 'ana')).rejects.toThrow(
      /task BUG-1 is a heading; plan records an owner only in a table's cells or at the end of a list item, so nothing was written/,
    );
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
