// The snapshots of a set of blobs: from the history store, else read with one
// `git cat-file --batch` process and parsed once (or read from the version
// before, when a commit only changed statuses or owners: incremental.ts).

import { realpathSync } from 'node:fs';
import { buildFromText, readConfigText, repairFor } from '../load/load.js';
import type { Plan } from '../model/types.js';
import { decode } from '../text/decode.js';
import { readBlobs } from '../git/blobs.js';
import { HistoryStore } from './store.js';
import { snapshotOf, snapshotTask, type Snapshot } from './snapshot.js';
import { nextVersion, type Step } from './incremental.js';
import { heavyRead } from '../system/heap.js';

export async function snapshots(root: string, planPath: string, display: string, oids: Iterable<string>): Promise<Map<string, Snapshot>> {
  const store = new HistoryStore(realpathSync(planPath), readConfigText(planPath).text);
  const out = new Map<string, Snapshot>();
  const missing: string[] = [];
  for (const oid of new Set(oids)) {
    const hit = store.get(oid);
    if (hit) out.set(oid, hit);
    else missing.push(oid);
  }
  // The version read last: the next one is read from it when only statuses or owners changed (incremental.ts).
  let last: { text: string; plan: Plan; snapshot: Snapshot } | null = null;
  for await (const [oid, bytes] of readBlobs(root, missing, display)) {
    heavyRead(bytes.length);
    const { text, escaped } = decode(bytes);
    const step: Step | null = last && !escaped ? nextVersion(last.plan, last.text, text, await repairFor(text)) : null;
    const plan: Plan = step?.plan ?? (await buildFromText(planPath, text, escaped));
    store.set(oid, step && last ? stepped(last.snapshot, step) : snapshotOf(plan));
    // The stored form, so unchanged tasks are shared objects like those read from the store.
    const snapshot = store.get(oid)!;
    out.set(oid, snapshot);
    last = escaped ? null : { text, plan, snapshot };
  }
  store.save();
  return out;
}

/** The snapshot of a version read from the one before: its tasks but those that changed, on the same lines. */
function stepped(before: Snapshot, step: Step): Snapshot {
  const tasks = before.tasks.slice();
  for (const i of step.changed) tasks[i] = snapshotTask(step.plan.tasks[i]!);
  return { tasks, lines: before.lines };
}
