// Peak memory of the heavy runs (a cold parse of 10,000 tasks, a folder of 200
// plans, history read from git). Most of their peak RSS is V8's young
// generation, which doubles under a high allocation rate up to 2 × 16 MB and is
// never given back before the process ends; its objects are mostly garbage or
// promoted anyway. Keeping it at its starting size measured 114–119 → 94 MB on
// a cold list of 10,000 tasks for the same CPU time. A command-line flag
// (--max-semi-space-size) cannot be given from inside the process, but V8 reads
// the growth factor each time it would grow the space, so it is set at run time,
// once, when a run turns out heavy: loading node:v8 costs milliseconds that a
// small plan's start-up does not pay.
//
// V8 stamps its code cache with a digest of its flags: data made with the
// factor changed is refused by a run without it. The code cache's writer
// (src/cli/boot.ts) puts the flag back first (HEAP_FLAG_RESTORE).

import { createRequire } from 'node:module';
import { envText } from './env.js';

/** Where the flag that restores the default is left for the code cache's writer (a bundle of its own). */
export const HEAP_FLAG_RESTORE = Symbol.for('plan.heap-flag-restore');

const GROWTH_FLAG = '--semi-space-growth-factor';
/** V8's default (node --v8-options). */
const GROWTH_DEFAULT = 2;

/** Bytes of plan text after which a run counts as heavy (the seed is 3 KB, a 1,000-task plan 80 KB). */
export const HEAVY_BYTES = 64 * 1024;

let read = 0;

type Flags = { setFlagsFromString(flags: string): void };
type Global = Record<symbol, string | undefined>;

const nodeRequire = typeof require === 'function' ? require : createRequire(import.meta.url);

/** Whether the user chose the growth factor themselves (NODE_OPTIONS, node's arguments): then it is theirs. */
function userSetsGrowth(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, nodeOptions ?? ''].some((a) => /semi[-_]space/.test(a));
}

/**
 * Counts `bytes` of plan text read; past HEAVY_BYTES in all, keeps V8's young generation
 * at its starting size for the rest of the run. `v8`: the flag setter (tests give their own).
 */
export function heavyRead(bytes: number, v8?: Flags): boolean {
  if (read >= HEAVY_BYTES) return false;
  read += bytes;
  if (read < HEAVY_BYTES) return false;
  if (userSetsGrowth(process.execArgv, envText('NODE_OPTIONS'))) return false;
  try {
    (v8 ?? (nodeRequire('node:v8') as Flags)).setFlagsFromString(`${GROWTH_FLAG}=1`);
    (globalThis as unknown as Global)[HEAP_FLAG_RESTORE] = `${GROWTH_FLAG}=${GROWTH_DEFAULT}`;
  } catch {
    // only memory is lost
  }
  return true;
}

/**
 * Runs `compile` under V8's default young-generation growth, then keeps the run's own again:
 * V8 stamps code-cache data with its flags, and refuses data stamped otherwise, when it reads
 * it as when it is made (src/cli/boot.ts, a bundle of its own: the flag is found through the global).
 */
export function underDefaultFlags<T>(compile: () => T, v8Of: () => Flags): T {
  const restore = (globalThis as unknown as Global)[HEAP_FLAG_RESTORE];
  if (!restore) return compile();
  const v8 = v8Of();
  v8.setFlagsFromString(restore);
  try {
    return compile();
  } finally {
    v8.setFlagsFromString(`${GROWTH_FLAG}=1`);
  }
}

/** Characters of plan text parsed at once past which a full collection after the parse pays (a 10,000-task plan is 770 K). */
export const COLLECT_CHARS = 512 * 1024;

type Collect = () => void;
type Contexts = { runInNewContext(code: string): unknown };

/**
 * One full garbage collection right after a big parse, when its garbage (the
 * parser's blocks, the reader's passing strings) sits in the old generation,
 * where the small young generation promoted it: what the run allocates next
 * (the cache entry, the output) then reuses that space instead of growing the
 * heap on top of it. Peak RSS of a cold list of 10,000 tasks 95 → 87 MB.
 * V8 gives gc() only to a context made while --expose-gc is set: the flag is
 * set for the making of one small context and put back at once, so the flags
 * the code cache is stamped with are the run's own again. `collect`: tests give their own.
 */
export function collectAfterParse(chars: number, collect?: Collect): boolean {
  if (chars < COLLECT_CHARS) return false;
  try {
    (collect ?? exposedGc())();
    return true;
  } catch {
    return false; // only memory is lost
  }
}

/**
 * A counter of plan text read one version after another (history), that
 * collects each time `every` bytes more have passed: each version's text is a
 * string of its own, too big for the young generation, so they pile up in the
 * old one until V8's next full collection, tens of megabytes later.
 */
export function collectEvery(every: number, collect?: Collect): (bytes: number) => void {
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since < every) return;
    since = 0;
    collectAfterParse(COLLECT_CHARS, collect);
  };
}

let gc: Collect | null = null;

function exposedGc(): Collect {
  if (gc) return gc;
  const v8 = nodeRequire('node:v8') as Flags;
  v8.setFlagsFromString('--expose-gc');
  try {
    gc = (nodeRequire('node:vm') as Contexts).runInNewContext('gc') as Collect;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return gc;
}

/** Starts the count again (tests run many commands in one process). */
export function forgetHeavyReads(): void {
  read = 0;
}
