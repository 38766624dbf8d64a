// The tasks of every version of a plan read from git, cached by blob id in
// plan's cache folder (one file per plan): a blob never changes, so each
// distinct version is parsed once, ever (per plan build and vocabulary file).
// A task is stored once however many versions hold it unchanged: each
// version is a list of task numbers and a list of lines. Bounded: the
// versions not used for longest go first.

import { join } from 'node:path';
import { cacheDir, keyOf } from '../cache/dir.js';
import { readCacheFile, writeCacheFile } from '../cache/files.js';
import { fingerprint } from '../cache/hash.js';
import { BUILD } from '../cache/plan-cache.js';
import type { Snapshot, SnapshotTask } from './snapshot.js';
import { SCOPE_KINDS } from '../model/types.js';
import { STATUSES } from '../model/status.js';
import { runtime } from '../system/runtime.js';

/** The most task references kept over all versions (about 12 MB of cache). */
const MAX_REFS = 2_000_000;

const FIELDS = ['id', 'title', 'section', 'kind', 'status', 'owner', ...SCOPE_KINDS] as const;
type Row = [...(string | null)[], 0 | 1];

interface StoreFile {
  salt: string;
  /** Each distinct task: FIELDS, then idFromFile. */
  tasks: Row[];
  /** Per blob id: task numbers and lines, most recently used last. */
  blobs: Record<string, [number[], number[]]>;
}

const KINDS: readonly string[] = ['task', 'week', 'parent'];
const isInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isField = (v: unknown) => v === null || typeof v === 'string';

/** A row as save() writes it: the fields, with a known kind and status, then 0 or 1. */
function isRow(r: unknown): r is Row {
  if (!Array.isArray(r) || r.length !== FIELDS.length + 1 || !r.slice(0, FIELDS.length).every(isField)) return false;
  const at = (f: (typeof FIELDS)[number]) => r[FIELDS.indexOf(f)] as string | null;
  const kind = at('kind');
  const status = at('status');
  return (
    (kind === null || KINDS.includes(kind)) &&
    (status === null || (STATUSES as readonly string[]).includes(status)) &&
    (r[FIELDS.length] === 0 || r[FIELDS.length] === 1)
  );
}

/** The store file as save() writes it: every task number in range, a line for each task. */
function isStoreFile(v: unknown): v is StoreFile {
  if (!v || typeof v !== 'object') return false;
  const { salt, tasks, blobs } = v as Record<string, unknown>;
  if (typeof salt !== 'string' || !Array.isArray(tasks) || !tasks.every(isRow) || !blobs || typeof blobs !== 'object' || Array.isArray(blobs)) return false;
  return Object.entries(blobs).every(
    ([oid, entry]) =>
      /^[0-9a-f]{40,64}$/.test(oid) &&
      Array.isArray(entry) &&
      entry.length === 2 &&
      Array.isArray(entry[0]) &&
      Array.isArray(entry[1]) &&
      entry[0].length === entry[1].length &&
      entry[0].every((n: unknown) => isInt(n) && n < tasks.length) &&
      entry[1].every((n: unknown) => isInt(n) && n > 0),
  );
}

export class HistoryStore {
  private readonly file: string | null;
  private readonly salt: string;
  private rows: Row[] = [];
  private blobs = new Map<string, [number[], number[]]>();
  private readonly objects: SnapshotTask[] = [];
  private readonly numbers = new Map<string, number>();
  /** The number of each task object get() handed out: setting a version made of them needs no key. */
  private readonly numberOf = new WeakMap<SnapshotTask, number>();
  private readonly used = new Set<string>();
  private changed = false;

  /** `config`: the vocabulary file's text, which the models depend on. */
  constructor(planRealPath: string, config: string, env = runtime().env) {
    const dir = cacheDir(env);
    // Unbundled (no build digest) nothing is cached: models of other sources must not be reused.
    this.file = dir && BUILD !== null ? join(dir, 'history', `${keyOf(planRealPath)}.json`) : null;
    this.salt = fingerprint([BUILD ?? '', config]);
    if (!this.file) return;
    const text = readCacheFile(this.file);
    let stored: unknown = null;
    try {
      stored = text === null ? null : JSON.parse(text);
    } catch {
      // damaged: rebuilt below
    }
    if (isStoreFile(stored) && stored.salt === this.salt) {
      this.rows = stored.tasks;
      this.blobs = new Map(Object.entries(stored.blobs));
      for (const [i, r] of this.rows.entries()) this.numbers.set(JSON.stringify(r), i);
    } else if (text !== null) {
      // Another build's store, or a damaged one: rebuilt from git by this run.
      this.changed = true;
    }
  }

  get(oid: string): Snapshot | null {
    const entry = this.blobs.get(oid);
    if (!entry) return null;
    this.used.add(oid);
    return { tasks: entry[0].map((n) => this.task(n)), lines: entry[1] };
  }

  set(oid: string, snapshot: Snapshot): void {
    const numbers = snapshot.tasks.map((t) => {
      const known = this.numberOf.get(t);
      if (known !== undefined) return known;
      const row: Row = [...FIELDS.map((f) => t[f]), t.idFromFile ? 1 : 0];
      const key = JSON.stringify(row);
      let n = this.numbers.get(key);
      // The row read back from its key: strings of its own, not slices of the version's whole text, which they would keep alive.
      if (n === undefined) this.numbers.set(key, (n = this.rows.push(JSON.parse(key) as Row) - 1));
      return n;
    });
    this.blobs.set(oid, [numbers, snapshot.lines]);
    this.used.add(oid);
    this.changed = true;
  }

  /** Writes the store if this run added to it, the versions used least recently dropped past the bound. */
  save(): void {
    if (!this.file || !this.changed) return;
    const order = [...[...this.blobs.keys()].filter((k) => !this.used.has(k)), ...this.used];
    let refs = 0;
    const kept: [string, [number[], number[]]][] = [];
    for (const oid of order.reverse()) {
      const entry = this.blobs.get(oid)!;
      if ((refs += entry[0].length) > MAX_REFS && kept.length > 0) break;
      kept.unshift([oid, entry]);
    }
    // Renumber the tasks the kept versions hold.
    const rows: Row[] = [];
    const renumber = new Map<number, number>();
    const blobs: StoreFile['blobs'] = {};
    for (const [oid, [numbers, lines]] of kept) {
      const keep = (n: number): number => {
        let kept = renumber.get(n);
        if (kept === undefined) renumber.set(n, (kept = rows.push(this.rows[n]!) - 1));
        return kept;
      };
      blobs[oid] = [numbers.map(keep), lines];
    }
    const out: StoreFile = { salt: this.salt, tasks: rows, blobs };
    writeCacheFile(this.file, JSON.stringify(out));
  }

  private task(n: number): SnapshotTask {
    let t = this.objects[n];
    if (!t) {
      const r = this.rows[n]!;
      const v = (f: (typeof FIELDS)[number]) => r[FIELDS.indexOf(f)] as string | null;
      t = this.objects[n] = {
        id: v('id') ?? '',
        title: v('title') ?? '',
        section: v('section'),
        kind: (v('kind') ?? 'task') as SnapshotTask['kind'],
        status: (v('status') ?? 'none') as SnapshotTask['status'],
        owner: v('owner'),
        sprint: v('sprint'),
        week: v('week'),
        month: v('month'),
        phase: v('phase'),
        milestone: v('milestone'),
        idFromFile: r[FIELDS.length] === 1,
      };
      this.numberOf.set(t, n);
    }
    return t;
  }
}
