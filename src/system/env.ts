// Every environment variable plan reads, in one table, and the one place they
// are read: from the current runtime's environment (src/system/runtime.ts), so an
// in-process run sees its own. The table is what the docs list.

import { runtime } from './runtime.js';

export const ENV_VARS = [
  { name: 'PLAN_FILE', description: 'the plan file, when -f is not given; several separated as in PATH (: or ; on Windows)' },
  { name: 'PLAN_PARSER', description: '`remark` reads every file with the full Markdown parser (default: the fast scanner where it is sure)' },
  { name: 'PLAN_MAX_BYTES', description: 'the largest plan file read, in bytes (default 16 MiB)' },
  { name: 'PLAN_NO_CACHE', description: 'set (and not 0): no cache, no status memory, no undo journal' },
  { name: 'PLAN_CACHE_DIR', description: 'the cache folder (default $XDG_CACHE_HOME/plan, else ~/.cache/plan)' },
  { name: 'PLAN_LOCK_TIMEOUT', description: 'how long a write waits for the lock, in ms (default 8000)' },
  { name: 'PLAN_LOCK_STALE', description: 'after how long a lock whose holder is gone is taken over, in ms (default 4000)' },
  { name: 'COLUMNS', description: "the terminal's width, where the terminal does not say" },
  { name: 'PLAN_PAGER', description: 'the pager for views longer than the terminal (before $PAGER; `cat`: none)' },
  { name: 'PAGER', description: 'the pager, when PLAN_PAGER is not set (default `less -FRX`)' },
  { name: 'NO_COLOR', description: 'set: no colours (FORCE_COLOR overrides)' },
  { name: 'FORCE_COLOR', description: 'colours even when not on a terminal (0 to 3)' },
  { name: 'SOURCE_DATE_EPOCH', description: "today's date for date stamps, in seconds since 1970 (reproducible writes)" },
  { name: 'XDG_CACHE_HOME', description: 'where the cache folder goes, when PLAN_CACHE_DIR is not set' },
  { name: 'XDG_CONFIG_HOME', description: "where `git-setup --global` finds git's global attributes file (default ~/.config)" },
  { name: 'NODE_OPTIONS', description: "Node's own: a young generation size set there is left as it is when a run reads much text" },
  { name: 'PATH', description: '`git-setup` writes `plan merge-driver …` when the `plan` found on it is the copy that runs' },
  { name: 'HOME', description: 'the home folder (the default cache and config folders are under it)' },
  { name: 'LOCALAPPDATA', description: 'the cache folder on Windows' },
  {
    name: 'PLAN_TEST_HALT',
    description: 'a test seam, not for use: `SIGKILL@<point>` or `SIGSTOP@<point>` stops a write at that point (src/system/halt.ts)',
  },
  { name: 'DEBUG', description: 'set: an unexpected error prints its stack trace (as --debug)' },
] as const;

export type EnvName = (typeof ENV_VARS)[number]['name'];

/** The value of a variable plan reads ('' and unset are both undefined). */
export function envText(name: EnvName, env: NodeJS.ProcessEnv = runtime().env): string | undefined {
  return env[name] || undefined;
}

/** A variable that is on when set to anything but 0. */
export function envFlag(name: EnvName, env: NodeJS.ProcessEnv = runtime().env): boolean {
  const v = envText(name, env);
  return v !== undefined && v !== '0';
}

/** A positive number (ms, bytes, columns), else the fallback. */
export function envNumber(name: EnvName, fallback: number, env: NodeJS.ProcessEnv = runtime().env): number {
  const v = Number(envText(name, env));
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
