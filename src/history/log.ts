// `plan log`: for each commit that touched the plan, the task changes it made.

import { fileHistory } from '../git/log.js';
import { repoFile } from '../git/repo.js';
import { mergeChanges, taskChanges, type TaskChange } from './changes.js';
import { EMPTY_SNAPSHOT, type Snapshot } from './snapshot.js';
import { snapshots } from './versions.js';

export interface LogEntry {
  hash: string;
  author: string;
  /** Author date, ISO 8601. */
  date: string;
  /** The plan's path in that commit (it may have been renamed since). */
  path: string;
  merge: boolean;
  /** The commit created the file. */
  created: boolean;
  /** In a plan of several files, the file as the user sees its path now (src/history/files.ts). */
  file?: string;
  changes: TaskChange[];
}

/** Newest first. */
export async function planLog(planPath: string, display: string, since?: string): Promise<LogEntry[]> {
  const repo = repoFile(planPath, display, 'log');
  const commits = fileHistory(repo, display, { since });
  const oids = commits.flatMap((c) => [...c.before, c.after]).filter((o): o is string => o !== null);
  const snaps = await snapshots(repo.root, planPath, display, oids);
  const snap = (oid: string | null): Snapshot => (oid === null ? EMPTY_SNAPSHOT : (snaps.get(oid) ?? EMPTY_SNAPSHOT));
  return commits.map((c) => {
    const after = snap(c.after);
    const parents = c.before.map(snap);
    return {
      hash: c.hash,
      author: c.author,
      date: c.authorDate,
      path: c.path,
      merge: c.before.length > 1,
      created: c.before.every((b) => b === null),
      changes: parents.length > 1 ? mergeChanges(parents, after) : taskChanges(parents[0] ?? EMPTY_SNAPSHOT, after),
    };
  });
}
