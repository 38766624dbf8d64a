// plan's own recent writes to a plan file, so that `plan undo` can take the
// last one back. Each entry holds a fingerprint of the bytes the write left,
// the edits that turn those bytes back into the ones before, and a fingerprint
// of those: an undo is only possible while the file still holds exactly what
// plan wrote, and only when the edits give back exactly what it held before
// (the journal is a file like any other: it may be damaged or tampered with).
// Kept in the cache folder, per plan file, bounded in entries and bytes.

import { join } from 'node:path';
import { cacheDir, keyOf } from '../cache/dir.js';
import { readCacheFile, writeCacheFile } from '../cache/files.js';
import { contentDigest } from '../cache/plan-cache.js';
import type { Edit } from './splice.js';
import { runtime } from '../system/runtime.js';

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
  /** Fingerprint of the bytes before the write (what the undo edits must give back). */
  before: string;
  undo: UndoEdit[];
}

/** Entries kept per plan file, and the most text they may hold together. */
export const MAX_ENTRIES = 20;
const MAX_CHARS = 4 * 1024 * 1024;

export class Journal {
  private list: JournalEntry[] = [];
  /** Why the journal on disk cannot be used (it is then started anew by the next write). */
  readonly damage: string | null = null;

  constructor(readonly file: string | null) {
    if (!file) return;
    const text = readCacheFile(file);
    if (text === null) return; // no journal yet
    try {
      this.list = entriesOf(JSON.parse(text) as unknown);
    } catch (e) {
      this.damage = (e as Error).message;
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
  record(edits: Edit[], before: Uint8Array, after: Uint8Array, command: string, now = runtime().now()): void {
    if (!this.file) return;
    this.list.push({ at: now.toISOString(), command, after: digest(after), before: digest(before), undo: reverse(edits) });
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

/** The entries of a parsed journal; throws, saying what is wrong, on anything but a list of well-formed entries. */
function entriesOf(parsed: unknown): JournalEntry[] {
  if (!Array.isArray(parsed)) throw new Error('it is not a list of writes');
  for (const [i, e] of parsed.entries()) {
    const problem = entryProblem(e);
    if (problem) throw new Error(`write ${i + 1}: ${problem}`);
  }
  return parsed as JournalEntry[];
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function entryProblem(e: unknown): string | null {
  if (!e || typeof e !== 'object') return 'not an object';
  const { at, command, after, before, undo } = e as Record<string, unknown>;
  if (!isText(at) || Number.isNaN(Date.parse(at))) return 'no valid time';
  if (!isText(command) || /[\r\n]/.test(command)) return 'no valid command';
  if (!isText(after) || !isText(before)) return 'no fingerprints of the file (written by an older plan?)';
  if (!Array.isArray(undo) || undo.length === 0) return 'no edits';
  let end = 0;
  for (const u of undo as unknown[]) {
    const { start: s, end: en, text } = (u ?? {}) as Record<string, unknown>;
    if (!isOffset(s) || !isOffset(en) || s < end || en < s || !isText(text)) return 'edits out of order or malformed';
    end = en;
  }
  return null;
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
