// The cache of stamps (src/cache/stamps.ts): a file of a plan of many files is
// not read again while its status (device, inode, size, modification and change
// times) is the one recorded, and only when it had been unchanged for a while
// when it was read; anything else has it read and hashed again.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stampOf } from '../../src/fs/read.js';
import { Stamps, TRUST_MS, type ReadStamp } from '../../src/cache/stamps.js';
import { runtime, useRuntime } from '../../src/system/runtime.js';
import { tempDir } from '../helpers/run.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

const KEY = { file: '/cache/plans/0123.json', digest: 'abc-1' };

/** A folder with a plan file and a cache folder; `read(ms after the change)`: the file's stamp as a reader saw it. */
function setup() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  cleanups.push(useRuntime({ ...runtime(), env: { PLAN_CACHE_DIR: join(t.dir, 'cache') } }));
  const file = join(t.dir, 'a.md');
  writeFileSync(file, '- [ ] 1 one\n');
  const read = (after = TRUST_MS): ReadStamp => {
    const stamp = stampOf(statSync(file));
    return { ...stamp, readMs: stamp.changedMs + after };
  };
  return { dir: t.dir, file, read, paths: [file] };
}

describe('the cache of stamps', () => {
  it('gives the cache key of a file unchanged since it was read, after a save, to another run', () => {
    const { dir, file, read, paths } = setup();
    const stamps = Stamps.open(paths, 'b1')!;
    expect(stamps.lookup(file, '')).toBeNull();
    stamps.record(file, read(), '', KEY, 12);
    stamps.save();
    expect(readdirSync(join(dir, 'cache', 'stamps'))).toHaveLength(1);
    expect(Stamps.open(paths, 'b1')!.lookup(file, '')).toEqual({ key: KEY, size: 12 });
    // Another build's stamps, another plan's (another list of files), another .planrc.json: nothing.
    expect(Stamps.open(paths, 'b2')!.lookup(file, '')).toBeNull();
    expect(Stamps.open([file, join(dir, 'b.md')], 'b1')!.lookup(file, '')).toBeNull();
    expect(Stamps.open(paths, 'b1')!.lookup(file, '{"statuses":{"Shipped":"done"}}')).toBeNull();
  });

  it('misses a file changed to the same size with its modification time set back', () => {
    const { file, read, paths } = setup();
    const stamps = Stamps.open(paths, 'b1')!;
    // Whole seconds, which utimes sets exactly.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    stamps.record(file, read(), '', KEY, 12);
    expect(stamps.lookup(file, '')).not.toBeNull();
    const before = statSync(file);
    writeFileSync(file, '- [x] 1 one\n');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(stamps.lookup(file, '')).toBeNull();
  });

  it('misses a file replaced by another (a writer renames its new file over it), and a file gone', () => {
    const { dir, file, read, paths } = setup();
    const stamps = Stamps.open(paths, 'b1')!;
    stamps.record(file, read(), '', KEY, 12);
    writeFileSync(join(dir, 'new.md'), '- [ ] 1 one\n');
    renameSync(join(dir, 'new.md'), file);
    expect(stamps.lookup(file, '')).toBeNull();
    stamps.record(file, read(), '', KEY, 12);
    expect(stamps.lookup(file, '')).toEqual({ key: KEY, size: 12 });
    renameSync(file, join(dir, 'gone.md'));
    expect(stamps.lookup(file, '')).toBeNull();
  });

  it('does not trust a file read within TRUST_MS of its last change (a write in the same tick leaves its times as they were), and forgets what it had', () => {
    const { file, read, paths } = setup();
    const stamps = Stamps.open(paths, 'b1')!;
    stamps.record(file, read(TRUST_MS - 1), '', KEY, 12);
    expect(stamps.lookup(file, '')).toBeNull();
    stamps.record(file, read(), '', KEY, 12);
    expect(stamps.lookup(file, '')).not.toBeNull();
    stamps.record(file, read(0), '', KEY, 12);
    expect(stamps.lookup(file, '')).toBeNull();
    stamps.record(file, read(), '', KEY, 12);
    stamps.forget(file);
    expect(stamps.lookup(file, '')).toBeNull();
  });

  it('reads nothing from a damaged file, and has no stamps without a cache folder', () => {
    const { dir, file, read, paths } = setup();
    const stamps = Stamps.open(paths, 'b1')!;
    stamps.record(file, read(), '', KEY, 12);
    stamps.save();
    const [name] = readdirSync(join(dir, 'cache', 'stamps'));
    for (const damaged of ['b1\n{"', 'b1\n[1,2]', `b1\n${JSON.stringify({ [file]: [1, 2] })}`, `b1\n${JSON.stringify({ [file]: ['x', 'y', 1, 2, 'z'] })}`]) {
      writeFileSync(join(dir, 'cache', 'stamps', name!), damaged);
      expect(Stamps.open(paths, 'b1')!.lookup(file, '')).toBeNull();
    }
    expect(Stamps.open(paths, null)).toBeNull();
  });
});
