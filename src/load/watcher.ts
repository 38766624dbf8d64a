// Watching a plan file for changes, for `plan watch` and `plan serve`.
//
// The *folder* is watched, not the file: editors, git, `sed -i` and plan's own
// writes replace the file by renaming a new one over it, and a watch on the
// old file would see nothing after the first replacement. A symbolic link is
// watched at both ends: the link's folder (the link re-pointed) and its
// target's (the target edited).

import { watch as watchFolder, realpathSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/** The folders to watch and the names in each: the plan's, and its target's when it is a link. */
function watchedNames(path: string): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (p: string) => names.set(dirname(p), (names.get(dirname(p)) ?? new Set()).add(basename(p)));
  add(path);
  try {
    add(realpathSync(path));
  } catch {
    // gone for now: its folder is watched for its return
  }
  return names;
}

/** The folders watched now, each with the names in it that matter. */
export class Watchers {
  private readonly byDir = new Map<string, { watcher: FSWatcher; names: Set<string> }>();

  constructor(
    private readonly path: string,
    private readonly onChange: () => void,
    private readonly onError: () => void,
  ) {}

  /** Watches the folders of the plan and of its target now (a link may have been re-pointed). */
  follow(): void {
    const wanted = watchedNames(this.path);
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
        if (!file || entry.names.has(file)) this.onChange();
      });
      entry.watcher.on('error', () => this.onError());
      this.byDir.set(dir, entry);
    }
  }

  close(): void {
    for (const w of this.byDir.values()) w.watcher.close();
  }
}
