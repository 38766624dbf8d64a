// Cache files never follow a link planted in the cache folder, and a cache
// folder that others could plant in is not used at all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderProblem, forgetFolderVerdicts, readCacheFile, writeAll, writeCacheFile } from '../../src/cache/files.js';
import { Journal } from '../../src/write/journal.js';

let dir: string;
let cache: string;
let victim: string;
let stderr: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-cache-files-'));
  cache = join(dir, 'cache');
  victim = join(dir, 'victim.txt');
  writeFileSync(victim, 'precious\n');
  forgetFolderVerdicts();
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr.push(String(s));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const edit = [{ start: 0, end: 1, expect: 'a', text: 'b' }];

describe('cache files', () => {
  it('a link planted at the temporary name a write used to take is not followed', () => {
    const journal = Journal.forPlan('/p/PLAN.md', { PLAN_CACHE_DIR: cache });
    mkdirSync(join(cache, 'undo'), { recursive: true, mode: 0o700 });
    symlinkSync(victim, `${journal.file}.${process.pid}.tmp`);
    journal.record(edit, Buffer.from('a'), Buffer.from('b'), 'set 1 done');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(Journal.forPlan('/p/PLAN.md', { PLAN_CACHE_DIR: cache }).last()?.command).toBe('set 1 done');
  });

  it('a link planted at the cache file itself is replaced, not written through, and never read', () => {
    const file = join(cache, 'undo', 'x.json');
    mkdirSync(join(cache, 'undo'), { recursive: true, mode: 0o700 });
    symlinkSync(victim, file);
    expect(readCacheFile(file)).toBeNull();
    writeCacheFile(file, '[]');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(file).isFile()).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a file written from pieces holds them in order, empty pieces and more pieces than one writev takes included', () => {
    const file = join(cache, 'plans', 'x.json');
    const pieces = Array.from({ length: 2500 }, (_, i) => Buffer.from(i % 7 === 0 ? '' : `${i},`));
    writeCacheFile(file, pieces);
    expect(readFileSync(file, 'utf8')).toBe(Buffer.concat(pieces).toString('utf8'));
  });

  it('a short write is picked up where it stopped, inside a piece or at its end', () => {
    const pieces = ['ab', '', 'cdefg', 'h', 'ijklmnop'].map((s) => Buffer.from(s));
    for (const most of [1, 2, 3, 5, 100]) {
      const got: string[] = [];
      writeAll(0, pieces, (_fd, batch) => {
        const joined = Buffer.concat(batch).subarray(0, most);
        got.push(joined.toString('latin1'));
        return joined.length;
      });
      expect(got.join('')).toBe('abcdefghijklmnop');
    }
  });

  it('the folders plan makes are private to the user', () => {
    writeCacheFile(join(cache, 'undo', 'x.json'), '[]');
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(statSync(join(cache, 'undo')).mode & 0o777).toBe(0o700);
  });

  for (const [where, loosen] of [
    ['the cache folder', () => chmodSync(cache, 0o777)],
    ['its sub-folder', () => chmodSync(join(cache, 'undo'), 0o757)],
  ] as const) {
    it(`${where} writable by others: neither read nor written, said once`, () => {
      const file = join(cache, 'undo', 'x.json');
      writeCacheFile(file, '"old"');
      loosen();
      forgetFolderVerdicts();
      expect(readCacheFile(file)).toBeNull();
      writeCacheFile(file, '"new"');
      writeCacheFile(join(cache, 'undo', 'y.json'), '"new"');
      expect(readFileSync(file, 'utf8')).toBe('"old"');
      expect(readdirSync(join(cache, 'undo'))).toEqual(['x.json']);
      expect(stderr.join('')).toMatch(
        /^plan: warning: cannot use the cache folder \S+ \(others can write to it, mode 7[75]7: chmod go-w it\); plan goes on without it \([^\n]*\)\n$/,
      );
    });
  }

  it("writable by its group: used only when the group is the user's own primary group", () => {
    mkdirSync(cache, { mode: 0o700 });
    chmodSync(cache, 0o770);
    const { uid, gid } = statSync(cache);
    expect(folderProblem(cache, true, uid, gid)).toBeNull();
    expect(folderProblem(cache, true, uid, gid + 1)).toBe('others can write to it, mode 770: chmod go-w it');
  });

  it.skipIf(process.getuid?.() !== 0)('a cache file another user owns is never read (made as root, given away)', () => {
    const file = join(cache, 'undo', 'x.json');
    writeCacheFile(file, '"mine"');
    expect(readCacheFile(file)).toBe('"mine"');
    chownSync(file, 4242, 4242);
    expect(readCacheFile(file)).toBeNull();
  });

  it("a folder of another user's, or a link below the cache folder, is refused", () => {
    mkdirSync(join(cache, 'undo'), { recursive: true, mode: 0o700 });
    const uid = statSync(cache).uid;
    expect(folderProblem(cache, true, uid)).toBeNull();
    expect(folderProblem(cache, true, uid + 1)).toBe(`it belongs to another user, uid ${uid}`);
    symlinkSync(join(cache, 'undo'), join(cache, 'memory'));
    expect(folderProblem(join(cache, 'memory'), false, uid)).toBe('it is a symbolic link');
    // The cache folder itself may be the user's own link (to another disk).
    symlinkSync(cache, join(dir, 'link'));
    expect(folderProblem(join(dir, 'link'), true, uid)).toBeNull();
  });
});
