// `plan burndown`: open and done tasks at each commit along the branch's
// first-parent line (and the working file when it differs), for the file or
// per scope.

import { createHash } from 'node:crypto';
import { fileHistory } from '../git/log.js';
import { repoFile } from '../git/repo.js';
import { loadPlan } from '../load/load.js';
import type { ScopeKind } from '../model/types.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { progressOf } from './changes.js';
import { EMPTY_SNAPSHOT, snapshotOf, type Snapshot, type SnapshotTask } from './snapshot.js';
import { snapshots } from './versions.js';
import { runtime } from '../system/runtime.js';

export interface BurnPoint {
  /** The commit, or null for the uncommitted working file. */
  hash: string | null;
  /** Commit date (when the change landed on the branch), ISO 8601. */
  date: string;
  open: number;
  done: number;
  cancelled: number;
}

export interface BurnSeries {
  /** `file`, or the scope kind of `--by`. */
  kind: 'file' | ScopeKind;
  /** The scope's value (`8` for sprint 8); null for the file. */
  value: string | null;
  points: BurnPoint[];
}

interface Version {
  hash: string | null;
  date: string;
  snapshot: Snapshot;
}

/** Oldest first. */
async function versions(planPath: string, display: string, since?: string): Promise<Version[]> {
  const repo = repoFile(planPath, display, 'burndown');
  const commits = fileHistory(repo, display, { firstParent: true, since }).reverse();
  const snaps = await snapshots(
    repo.root,
    planPath,
    display,
    commits.flatMap((c) => (c.after ? [c.after] : [])),
  );
  const out: Version[] = commits.map((c) => ({
    hash: c.hash,
    date: c.commitDate,
    snapshot: c.after ? (snaps.get(c.after) ?? EMPTY_SNAPSHOT) : EMPTY_SNAPSHOT,
  }));
  const working = await loadPlan(planPath);
  if (blobId(working.bytes) !== commits[commits.length - 1]?.after) {
    out.push({ hash: null, date: runtime().now().toISOString(), snapshot: snapshotOf(working.plan) });
  }
  return out;
}

/** git's object id of a file's bytes. */
function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export async function burndown(planPath: string, display: string, filters: Filters, by?: ScopeKind, since?: string): Promise<BurnSeries[]> {
  const vs = (await versions(planPath, display, since)).map((v) => ({ ...v, tasks: filterTasks(v.snapshot.tasks, filters) }));
  const series: BurnSeries[] = [{ kind: 'file', value: null, points: vs.map((v) => point(v, v.tasks)) }];
  if (!by) return series;
  for (const value of scopeValues(
    vs.map((v) => v.tasks),
    by,
  )) {
    series.push({
      kind: by,
      value,
      points: vs.map((v) =>
        point(
          v,
          v.tasks.filter((t) => t[by] === value),
        ),
      ),
    });
  }
  return series;
}

function point(v: Version, tasks: SnapshotTask[]): BurnPoint {
  const p: BurnPoint = { hash: v.hash, date: v.date, open: 0, done: 0, cancelled: 0 };
  for (const t of tasks) {
    const progress = progressOf(t.status);
    if (progress) p[progress]++;
    else p.cancelled++;
  }
  return p;
}

/** The values a scope takes, in the order of the newest version's file, then older ones. */
function scopeValues(versionsTasks: SnapshotTask[][], by: ScopeKind): string[] {
  const seen = new Set<string>();
  for (let k = versionsTasks.length - 1; k >= 0; k--) {
    for (const t of versionsTasks[k]!) if (t[by] !== null) seen.add(t[by]!);
  }
  return [...seen];
}
