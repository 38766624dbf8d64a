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
// A heavy run also compiles each regular expression once, to machine code
// (--no-regexp-tier-up): by default V8 compiles one to bytecode for its first
// match and again to machine code for its second, and the reader runs hundreds,
// most of them with large Unicode classes, many times each. Compiling them was
// a fifth of a cold read of a 165 KB plan (callgrind); once instead of twice,
// that read counted 1,655 M instructions instead of 1,871 M (`node -e 0`: about
// 505 M). Matches are the same either way.
//
// V8 stamps its code cache with a digest of its flags: data made with the
// flags changed is refused by a run without them. The code cache's writer
// (src/cli/boot.ts) puts them back first (HEAP_FLAG_RESTORE).

import { createRequire } from 'node:module';
import { envText } from './env.js';

/** Where the flag that restores the default is left for the code cache's writer (a bundle of its own). */
export const HEAP_FLAG_RESTORE = Symbol.for('plan.heap-flag-restore');

/** The flags of a heavy run, and V8's defaults for them (node --v8-options). */
const HEAVY_FLAGS = '--semi-space-growth-factor=1 --no-regexp-tier-up';
const DEFAULT_FLAGS = '--semi-space-growth-factor=2 --regexp-tier-up';

/** Bytes of plan text after which a run counts as heavy (the seed is 3 KB, a 1,000-task plan 80 KB). */
export const HEAVY_BYTES = 64 * 1024;

let read = 0;

type Flags = { setFlagsFromString(flags: string): void };
type Global = Record<symbol, string | undefined>;

const nodeRequire = typeof require === 'function' ? require : createRequire(import.meta.url);

/** Whether the user chose the young generation or regular expressions' tiers themselves (NODE_OPTIONS, node's arguments): then they are theirs. */
function userSetsFlags(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, nodeOptions ?? ''].some((a) => /semi[-_]space|regexp/.test(a));
}

/**
 * Counts `bytes` of plan text read; past HEAVY_BYTES in all, keeps V8's young generation
 * at its starting size and compiles each regular expression once for the rest of the run.
 * `v8`: the flag setter (tests give their own).
 */
export function heavyRead(bytes: number, v8?: Flags): boolean {
  if (read >= HEAVY_BYTES) return false;
  read += bytes;
  if (read < HEAVY_BYTES) return false;
  if (userSetsFlags(process.execArgv, envText('NODE_OPTIONS'))) return false;
  try {
    (v8 ?? (nodeRequire('node:v8') as Flags)).setFlagsFromString(HEAVY_FLAGS);
    (globalThis as unknown as Global)[HEAP_FLAG_RESTORE] = DEFAULT_FLAGS;
  } catch {
    // only memory and time are lost
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
    v8.setFlagsFromString(HEAVY_FLAGS);
  }
}

/** Starts the count again (tests run many commands in one process). */
export function forgetHeavyReads(): void {
  read = 0;
}
