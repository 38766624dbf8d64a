// The snapshots of a set of blobs: from the history store, else read with one
// `git cat-file --batch` process and parsed once.

import { realpathSync } from 'node:fs';
import { buildFromText, readConfigText } from '../load/load.js';
import { decode } from '../text/decode.js';
import { readBlobs } from '../git/blobs.js';
import { HistoryStore } from './store.js';
import { snapshotOf, type Snapshot } from './snapshot.js';

export async function snapshots(root: string, planPath: string, display: string, oids: Iterable<string>): Promise<Map<string, Snapshot>> {
  const store = new HistoryStore(realpathSync(planPath), readConfigText(planPath).text);
  const out = new Map<string, Snapshot>();
  const missing: string[] = [];
  for (const oid of new Set(oids)) {
    const hit = store.get(oid);
    if (hit) out.set(oid, hit);
    else missing.push(oid);
  }
  for await (const [oid, bytes] of readBlobs(root, missing, display)) {
    const { text, escaped } = decode(bytes);
    const parsed = snapshotOf(await buildFromText(planPath, text, escaped));
    store.set(oid, parsed);
    // The stored form, so unchanged tasks are shared objects like those read from the store.
    out.set(oid, store.get(oid)!);
  }
  store.save();
  return out;
}
