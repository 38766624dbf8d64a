// The digests of a plan's files by their status, so that a warm read of a plan
// of many files (a folder of 200) reads and hashes only the files that changed:
// one small cache file per plan (its list of files) maps each file's stamp
// (device, inode, size, modification and change times: fs/read.ts FileStamp)
// and its `.planrc.json` to the cache key of its model.
//
// A stamp is trusted only when the file had not changed for TRUST_MS when it was
// read: a write within the same tick of the file system's clock as the read
// before it can leave every time as it was (as git's "racy" entries), so a file
// read that soon after a change is read and hashed again next time. Setting the
// modification time back does not fool it: the change time moves with every write
// and no user can set it. Anything unexpected (no entry, another build's file,
// a damaged one) only means the file is read and hashed as before.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { stampOf, type FileStamp } from '../fs/read.js';
import { cacheDir, keyOf } from './dir.js';
import { readCacheFile, writeCacheFile } from './files.js';
import { fingerprint } from './hash.js';
import type { CacheKey } from './plan-cache.js';

/** A file's stamp, and the clock just before it was opened. */
export interface ReadStamp extends FileStamp {
  readMs: number;
}

/** How long a file must have been unchanged when read for its stamp to be trusted: file systems' clocks tick in up to 2 s (FAT). */
export const TRUST_MS = 3000;

/** A file's entry: its stamp's id, the fingerprint of its `.planrc.json`, the cache key of its model, its size. */
type Entry = [stamp: string, config: string, file: string, digest: string, size: number];

export class Stamps {
  private entries: Record<string, Entry> = {};
  private changed = false;

  /** `file`: this plan's stamps file; `build`: entries of another build are dropped. */
  private constructor(
    private readonly file: string,
    private readonly build: string,
  ) {}

  /** The stamps of the plan made of `paths` (null without a cache, or an unbundled build). */
  static open(paths: readonly string[], build: string | null): Stamps | null {
    const dir = cacheDir();
    if (!dir || build === null) return null;
    const stamps = new Stamps(join(dir, 'stamps', `${keyOf(paths.join('\n'))}.json`), build);
    const raw = readCacheFile(stamps.file);
    const nl = raw?.indexOf('\n') ?? -1;
    if (raw && raw.slice(0, nl) === build) {
      try {
        const entries = JSON.parse(raw.slice(nl + 1)) as unknown;
        if (entries && typeof entries === 'object' && !Array.isArray(entries)) stamps.entries = entries as Record<string, Entry>;
      } catch {
        // a damaged file: every file is read again
      }
    }
    return stamps;
  }

  /** The cache key of `path`'s model, when its status is the one recorded, trusted, with the same `config`; and its size. */
  lookup(path: string, config: string): { key: CacheKey; size: number } | null {
    const e = this.entries[path];
    if (!Array.isArray(e) || e.length !== 5 || e[1] !== fingerprint([config])) return null;
    try {
      if (stampOf(statSync(path)).id !== e[0]) return null;
    } catch {
      return null;
    }
    return typeof e[2] === 'string' && typeof e[3] === 'string' && typeof e[4] === 'number' ? { key: { file: e[2], digest: e[3] }, size: e[4] } : null;
  }

  /** Records that `path`, read with `stamp`, has its model at `key` (forgotten when the stamp cannot be trusted yet). */
  record(path: string, stamp: ReadStamp, config: string, key: CacheKey, size: number): void {
    const had = this.entries[path];
    if (!trusted(stamp)) {
      if (had) {
        delete this.entries[path];
        this.changed = true;
      }
      return;
    }
    const entry: Entry = [stamp.id, fingerprint([config]), key.file, key.digest, size];
    if (had && JSON.stringify(had) === JSON.stringify(entry)) return;
    this.entries[path] = entry;
    this.changed = true;
  }

  /** Forgets `path` (its cached model turned out damaged). */
  forget(path: string): void {
    if (!(path in this.entries)) return;
    delete this.entries[path];
    this.changed = true;
  }

  /** Writes the stamps when they changed. */
  save(): void {
    if (this.changed) writeCacheFile(this.file, `${this.build}\n${JSON.stringify(this.entries)}`);
    this.changed = false;
  }
}

/** Whether a file read with `stamp` had been left unchanged long enough before for its stamp to say its content. */
function trusted(stamp: ReadStamp): boolean {
  return stamp.readMs - stamp.changedMs >= TRUST_MS;
}
