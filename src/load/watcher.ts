// Watching a plan file for changes, for `plan watch` and `plan serve`.
//
// The *folder* is watched, not the file: editors, git, `sed -i` and plan's own
// writes replace the file by renaming a new one over it, and a watch on the
// old file would see nothing after the first replacement. A symbolic link is
// watched at both ends: the link's folder (the link re-pointed) and its
// target's (the target edited).

import { watch as watchFolder, realpathSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Folders to watch, each with the names in it that matter (null: any, a folder whose files may join the plan). */
export type WatchedNames = Map<string, Set<string> | null>;

/** The folders to watch and the names in each: each file's, and its target's when it is a link; `folders` whole. */
export function watchedNames(paths: readonly string[], folders: readonly string[] = []): WatchedNames {
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
