// The snapshots of a set of blobs: from the blob cache, else read with one
// `git cat-file --batch` process and parsed once.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFromText } from '../load.js';
import { decode } from '../text/decode.js';
import { readBlobs } from '../git/blobs.js';
import { BlobCache } from './blob-cache.js';
import { snapshotOf, type Snapshot } from './snapshot.js';

export async function snapshots(root: string, planPath: string, display: string, oids: Iterable<string>): Promise<Map<string, Snapshot>> {
  const configFile = join(dirname(planPath), '.planrc.json');
  const cache = new BlobCache(existsSync(configFile) ? readFileSync(configFile, 'utf8') : '');
  const out = new Map<string, Snapshot>();
  const missing: string[] = [];
  for (const oid of new Set(oids)) {
    const hit = cache.get(oid);
    if (hit) out.set(oid, hit);
    else missing.push(oid);
  }
  for await (const [oid, bytes] of readBlobs(root, missing, display)) {
    const { text, escaped } = decode(bytes);
    const snapshot = snapshotOf(await buildFromText(planPath, text, escaped));
    cache.set(oid, snapshot);
    out.set(oid, snapshot);
  }
  cache.prune();
  return out;
}
