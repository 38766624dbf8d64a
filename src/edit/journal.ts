// plan's own recent writes to a plan file, so that `plan undo` can take the
// last one back. Each entry holds a fingerprint of the bytes the write left
// and the edits that turn those bytes back into the ones before: an undo is
// only possible while the file still holds exactly what plan wrote. Kept in
// the cache folder, per plan file, bounded in entries and bytes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, keyOf, writeCacheFile } from '../cache/dir.js';
import { contentDigest } from '../cache/plan-cache.js';
import type { Edit } from './splice.js';
import { runtime } from '../runtime.js';

export interface UndoEdit {
  /** Offsets in the text the write produced. */
  start: number;
  end: number;
  /** What the span held before the write. */
  text: string;
}

export interface JournalEntry {
  /** When the write happened (ISO 8601). */
  at: string;
  /** The command that wrote, as typed (global flags left out). */
  command: string;
  /** Fingerprint of the bytes the write produced. */
  after: string;
  undo: UndoEdit[];
}

/** Entries kept per plan file, and the most text they may hold together. */
export const MAX_ENTRIES = 20;
const MAX_CHARS = 4 * 1024 * 1024;

export class Journal {
  private list: JournalEntry[] = [];

  constructor(private readonly file: string | null) {
    if (!file) return;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (Array.isArray(parsed)) this.list = parsed as JournalEntry[];
    } catch {
      // no journal yet, or unreadable: start empty
    }
  }

  static forPlan(realPath: string, env = runtime().env): Journal {
    const dir = cacheDir(env);
    return new Journal(dir ? join(dir, 'undo', `${keyOf(realPath)}.json`) : null);
  }

  /** Oldest first. */
  entries(): readonly JournalEntry[] {
    return this.list;
  }

  last(): JournalEntry | undefined {
    return this.list[this.list.length - 1];
  }

  /** Records a write: `edits` (sorted or not) turned `before` into the text whose bytes are `after`. */
  record(edits: Edit[], after: Uint8Array, command: string, now = runtime().now()): void {
    if (!this.file) return;
    this.list.push({ at: now.toISOString(), command, after: digest(after), undo: reverse(edits) });
    let chars = this.list.reduce((n, e) => n + size(e), 0);
    while (this.list.length > MAX_ENTRIES || (chars > MAX_CHARS && this.list.length > 1)) chars -= size(this.list.shift()!);
    this.save();
  }

  /** Forgets the last entry (after it was undone). */
  dropLast(): void {
    this.list.pop();
    this.save();
  }

  private save(): void {
    if (this.file) writeCacheFile(this.file, JSON.stringify(this.list));
  }
}

export function digest(bytes: Uint8Array): string {
  return contentDigest(bytes);
}

/** The edits that undo `edits`, in the coordinates of the text they produce. */
export function reverse(edits: Edit[]): UndoEdit[] {
  let shift = 0;
  return [...edits]
    .sort((a, b) => a.start - b.start)
    .map((e) => {
      const start = e.start + shift;
      shift += e.text.length - (e.end - e.start);
      return { start, end: start + e.text.length, text: e.expect };
    });
}

const size = (e: JournalEntry) => e.undo.reduce((n, u) => n + u.text.length + (u.end - u.start), 0) + e.command.length;

/** The command line of this process, without the flags that only choose the file or the output. */
export function commandLine(argv = runtime().argv.slice(2)): string {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-f' || a === '--file') i++;
    else if (!/^(--file=|--json$|--plain$|--no-color$|--debug$)/.test(a)) out.push(/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a));
  }
  return out.join(' ');
}
