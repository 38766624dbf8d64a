// Where plan keeps its caches: $PLAN_CACHE_DIR, else $XDG_CACHE_HOME/plan, else
// the platform's cache folder — never the user's repository. PLAN_NO_CACHE=1
// turns caching off.

import { homedir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from './hash.js';

export function cacheDir(env = process.env): string | null {
  if (env.PLAN_NO_CACHE && env.PLAN_NO_CACHE !== '0') return null;
  if (env.PLAN_CACHE_DIR) return env.PLAN_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'plan');
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'plan');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'plan', 'Cache');
  return join(home, '.cache', 'plan');
}

/** A short stable name for a file path, for the cache's file names. */
export function keyOf(s: string): string {
  return fingerprint([s]).slice(0, 16);
}
