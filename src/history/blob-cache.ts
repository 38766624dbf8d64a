// Snapshots of blobs, cached by blob id in plan's cache folder: a blob never
// changes, so each distinct version of a plan is parsed once, ever (per plan
// build and vocabulary file). Bounded: the oldest entries go first.

import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, writeCacheFile } from '../cache/dir.js';
import { fingerprint } from '../cache/hash.js';
import { BUILD } from '../cache/plan-cache.js';
import { pack, unpack, type PackedSnapshot, type Snapshot } from './snapshot.js';

/** Entries kept; above this many the oldest quarter is removed. */
const MAX_ENTRIES = 4000;

export class BlobCache {
  private readonly dir: string | null;
  private readonly salt: string;
  private wrote = 0;

  /** `config`: the vocabulary file's text, which the models depend on. */
  constructor(config: string, env = process.env) {
    const base = cacheDir(env);
    this.dir = base ? join(base, 'blobs') : null;
    this.salt = fingerprint([BUILD, config]).slice(0, 12);
  }

  private file(oid: string): string {
    return join(this.dir!, `${oid}.${this.salt}.json`);
  }

  get(oid: string): Snapshot | null {
    if (!this.dir) return null;
    try {
      return unpack(JSON.parse(readFileSync(this.file(oid), 'utf8')) as PackedSnapshot);
    } catch {
      return null;
    }
  }

  set(oid: string, snapshot: Snapshot): void {
    if (!this.dir) return;
    this.wrote++;
    writeCacheFile(this.file(oid), JSON.stringify(pack(snapshot)));
  }

  /** Removes the oldest entries once there are too many (after a run that added some). */
  prune(): void {
    if (!this.dir || this.wrote === 0) return;
    try {
      const names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
      if (names.length <= MAX_ENTRIES) return;
      const aged = names.map((n) => ({ n, t: statSync(join(this.dir!, n)).mtimeMs })).sort((a, b) => a.t - b.t);
      for (const { n } of aged.slice(0, names.length - Math.floor(MAX_ENTRIES * 0.75))) unlinkSync(join(this.dir, n));
    } catch {
      // Another plan process pruned at the same time: fine.
    }
  }
}
