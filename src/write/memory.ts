// How each task's status was written before plan changed it, so that setting a
// task back restores its exact text (`🔄 Next`, a damaged `‚úÖ Complete`, `[X]`),
// even when no other task of the file still shows that style. Kept in the cache
// folder, per plan file; an entry is only trusted while the task still holds
// the text plan last wrote there.

import { join } from 'node:path';
import { cacheDir, keyOf } from '../cache/dir.js';
import { readCacheFile, writeCacheFile } from '../cache/files.js';
import { runtime } from '../system/runtime.js';
import type { Task } from '../model/types.js';

/** The key a task's memory is kept under: its id and line. */
export function taskKey(t: Task): string {
  return `${t.id}@${t.line}`;
}

export interface TaskMemory {
  /** What plan last wrote for this task (its status text, or item prefix). */
  wrote: string;
  /** Earlier texts by status. */
  texts: Record<string, string>;
}

export class StatusMemory {
  private data: Record<string, TaskMemory> = {};
  private dirty = false;

  constructor(private readonly file: string | null) {
    if (!file) return;
    try {
      const parsed = JSON.parse(readCacheFile(file) ?? 'null') as unknown;
      if (parsed && typeof parsed === 'object') this.data = parsed as Record<string, TaskMemory>;
    } catch {
      // no memory yet, or unreadable: start empty
    }
  }

  static forPlan(realPath: string, env = runtime().env): StatusMemory {
    const dir = cacheDir(env);
    return new StatusMemory(dir ? join(dir, 'memory', `${keyOf(realPath)}.json`) : null);
  }

  /** The text this task had for `status`, if plan changed it and nobody touched it since. */
  recall(key: string, status: string, current: string): string | undefined {
    const m = this.data[key];
    if (!m || m.wrote !== current) return undefined;
    return m.texts[status];
  }

  /**
   * plan wrote `wrote` over `oldText`, the task's text for `oldStatus`. What it
   * remembered before is kept only if `oldText` is still what plan last wrote.
   */
  remember(key: string, oldStatus: string, oldText: string, wrote: string): void {
    const m = this.data[key];
    const texts = m && m.wrote === oldText ? { ...m.texts } : {};
    texts[oldStatus] = oldText;
    this.data[key] = { wrote, texts };
    this.dirty = true;
  }

  save(): void {
    // A memory that cannot be written only costs the exact restore later.
    if (this.file && this.dirty) writeCacheFile(this.file, JSON.stringify(this.data));
  }
}
