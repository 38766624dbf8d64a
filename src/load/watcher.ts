// Watching a plan file for changes, for `plan watch` and `plan serve`.
//
// The *folder* is watched, not the file: editors, git, `sed -i` and plan's own
// writes replace the file by renaming a new one over it, and a watch on the
// old file would see nothing after the first replacement. A symbolic link is
// watched at both ends: the link's folder (the link re-pointed) and its
// target's (the target edited).

import { watch as watchFolder, realpathSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { readFileBytes } from '../fs/read.js';
import { locatePlanFiles, planFolders } from './files.js';
import { maxBytes } from './load.js';

/** Folders to watch, each with the names in it that matter (null: any, a folder whose files may join the plan). */
export type WatchedNames = Map<string, Set<string> | null>;

/** The folders to watch and the names in each: each file's, and its target's when it is a link; `folders` whole. */
function watchedNames(paths: readonly string[], folders: readonly string[] = []): WatchedNames {
  const names: WatchedNames = new Map(folders.map((f) => [f, null]));
  const add = (p: string) => {
    const had = names.get(dirname(p));
    if (had !== null) names.set(dirname(p), (had ?? new Set()).add(basename(p)));
  };
  for (const path of paths) {
    add(path);
    try {
      add(realpathSync(path));
    } catch {
      // gone for now: its folder is watched for its return
    }
  }
  return names;
}

/** What a watch compares between two looks: each file's bytes, or why there are none (of several files, which files too). */
export type PlanState = (Buffer | string)[];

/** A file's bytes, or why there are none (gone, not a regular file, …): a change between two reasons is a change too. Never blocks, even on a FIFO. */
export function fileState(path: string): Buffer | string {
  const r = readFileBytes(path, { max: maxBytes() });
  return 'bytes' in r ? r.bytes : `${r.failure}:${r.detail}`;
}

export function sameState(a: PlanState, b: PlanState): boolean {
  const same = (x: Buffer | string, y: Buffer | string) => (typeof x === 'string' || typeof y === 'string' ? x === y : x.equals(y));
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

/**
 * A plan of several files as a watch follows it: its files found again at each look (from -f,
 * $PLAN_FILE or `.planrc.json`, `explicit` being the -f values), so a file added to its folder
 * joins it and one removed leaves it; its folders watched whole.
 */
export function followPlanFiles(explicit: string | readonly string[] | undefined): { state(): PlanState; watched(): WatchedNames } {
  const now = () => {
    try {
      return locatePlanFiles(explicit).paths;
    } catch {
      return []; // no file there for now (a folder emptied): the view says why, and the watch goes on
    }
  };
  return {
    state: () => {
      const files = now();
      return [files.join('\0'), ...files.map(fileState)];
    },
    watched: () => watchedNames(now(), planFolders(explicit)),
  };
}

/** The folders watched now, each with the names in it that matter. */
export class Watchers {
  private readonly byDir = new Map<string, { watcher: FSWatcher; names: Set<string> | null }>();

  /** `path`: the plan's one file; or what to watch now, asked again at each `follow` (a plan of several files). */
  constructor(
    private readonly path: string | (() => WatchedNames),
    private readonly onChange: () => void,
    private readonly onError: () => void,
  ) {}

  /** Watches the folders of the plan and of its target now (a link may have been re-pointed, a file added). */
  follow(): void {
    const wanted = typeof this.path === 'string' ? watchedNames([this.path]) : this.path();
    for (const [dir, w] of this.byDir) {
      if (!wanted.has(dir)) {
        w.watcher.close();
        this.byDir.delete(dir);
      }
    }
    for (const [dir, names] of wanted) {
      const had = this.byDir.get(dir);
      if (had) {
        had.names = names;
        continue;
      }
      const entry = { names, watcher: null as unknown as FSWatcher };
      entry.watcher = watchFolder(dir, (_event, file) => {
        if (!file || !entry.names || entry.names.has(file)) this.onChange();
      });
      entry.watcher.on('error', () => this.onError());
      this.byDir.set(dir, entry);
    }
  }

  close(): void {
    for (const w of this.byDir.values()) w.watcher.close();
  }
}
