// The snapshots of a set of blobs: from the history store, else read with one
// `git cat-file --batch` process and parsed once (or read from an earlier
// version's model, when only statuses or owners changed since: incremental.ts).

import { realpathSync } from 'node:fs';
import { buildFromText, readConfigText, repairFor } from '../load/load.js';
import type { Plan, Task } from '../model/types.js';
import { decode } from '../text/decode.js';
import { readBlobs } from '../git/blobs.js';
import { HistoryStore } from './store.js';
import { snapshotOf, snapshotTask, type Snapshot } from './snapshot.js';
import { changesAndEdits, nextVersion, type Changes } from './incremental.js';
import { collectEvery, heavyRead } from '../system/heap.js';

export async function snapshots(root: string, planPath: string, display: string, oids: Iterable<string>): Promise<Map<string, Snapshot>> {
  const store = new HistoryStore(realpathSync(planPath), readConfigText(planPath).text);
  const out = new Map<string, Snapshot>();
  const missing: string[] = [];
  for (const oid of new Set(oids)) {
    const hit = store.get(oid);
    if (hit) out.set(oid, hit);
    else missing.push(oid);
  }
  const reader = new VersionReader(planPath);
  const collect = collectEvery(VERSIONS_COLLECT_BYTES);
  for await (const [oid, bytes] of readBlobs(root, missing, display)) {
    heavyRead(bytes.length);
    collect(bytes.length);
    // The stored form, so unchanged tasks are shared objects like those read from the store.
    const keep = (snapshot: Snapshot) => {
      store.set(oid, snapshot);
      return store.get(oid)!;
    };
    out.set(oid, await reader.read(bytes, keep));
  }
  store.save();
  return out;
}

/**
 * Bytes of versions read between two full collections (system/heap.ts): 200 versions of a 1,000-task plan
 * are 16 MB; peak RSS of a cold `log` over them 100 → 86 MB (every 4 MB: 80 MB, for 6 % more instructions).
 */
const VERSIONS_COLLECT_BYTES = 8 * 1024 * 1024;

/**
 * Past this many tasks changed since the base, the base moves up: each version
 * reads every changed row again, and moving the base copies every task's spans once.
 */
const REBASE_AFTER = 8;

/** A parsed version that the next ones are read from (incremental.ts), with its repair and snapshot. */
interface Base {
  text: string;
  plan: Plan;
  repair: (s: string) => string;
  snapshot: Snapshot;
}

/**
 * Reads a run of versions, each from a base version's model when only statuses
 * or owners changed since it, else parsed whole (and the new base). The base
 * stays put while the changes since it are few, so a version costs a line
 * diff against the base and a read of the rows that differ, never a copy of
 * every task's spans; past that, the
 * version before becomes the base (its model built from the old base's).
 */
class VersionReader {
  private base: Base | null = null;
  /** The version read last, when read from the base, and what differs from the base (tasks and lines). */
  private last: { text: string; snapshot: Snapshot; found: Changes } | null = null;

  constructor(private readonly planPath: string) {}

  /** The snapshot of the version made of `bytes`, as `keep` stores it. */
  async read(bytes: Buffer, keep: (s: Snapshot) => Snapshot): Promise<Snapshot> {
    if (this.last && this.last.found.changed.size >= REBASE_AFTER) this.moveBase();
    const { text, escaped } = decode(bytes);
    const found = escaped ? null : (this.fromBase(text) ?? (this.moveBase() ? this.fromBase(text) : null));
    if (found && this.base) {
      const snapshot = keep(stepped(this.base.snapshot, found.changed));
      this.last = { text, snapshot, found };
      return snapshot;
    }
    const plan = await buildFromText(this.planPath, text, escaped);
    const snapshot = keep(snapshotOf(plan));
    this.base = escaped ? null : { text, plan, repair: await repairFor(text), snapshot };
    this.last = null;
    return snapshot;
  }

  private fromBase(text: string): Changes | null {
    const b = this.base;
    return b && changesAndEdits(b.plan, b.text, text, b.repair);
  }

  /** Makes the version read last the base, its model built from the base's; false when it cannot be. */
  private moveBase(): boolean {
    const b = this.base;
    const last = this.last;
    this.last = null;
    if (!b || !last) return false;
    // A step succeeds only when both versions take the same repair (update.ts), so the base's is the new one's.
    // What the last read found against this base is what a step to it needs: not found again.
    const step = nextVersion(b.plan, b.text, last.text, b.repair, last.found);
    if (!step) return false;
    this.base = { text: last.text, plan: step.plan, repair: b.repair, snapshot: last.snapshot };
    return true;
  }
}

/** The snapshot of a version read from the base: the base's tasks but those that changed, on the same lines. */
function stepped(base: Snapshot, changed: Map<number, Task>): Snapshot {
  const tasks = base.tasks.slice();
  for (const [i, t] of changed) tasks[i] = snapshotTask(t);
  return { tasks, lines: base.lines };
}
