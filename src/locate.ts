// Which plan file a command works on: -f, else $PLAN_FILE, else the first of
// PLAN_NAMES found in the current folder or its parents (up to the repository root).

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { envText } from './env.js';
import { runtime } from './runtime.js';

export const PLAN_NAMES = [
  'PLAN.md',
  'plan.md',
  'PLANNING.md',
  'planning.md',
  'progress_planning.md',
  'ROADMAP.md',
  'roadmap.md',
  'TASKS.md',
  'tasks.md',
  'TODO.md',
  'todo.md',
  'PROGRESS.md',
  'progress.md',
];

export function locatePlan(explicit: string | undefined, cwd = runtime().cwd(), env = runtime().env): string {
  if (explicit) return resolve(cwd, explicit);
  const fromEnv = envText('PLAN_FILE', env);
  if (fromEnv) return resolve(cwd, fromEnv);
  let dir = resolve(cwd);
  for (;;) {
    for (const name of PLAN_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, '.git'))) break;
    dir = parent;
  }
  throw new UsageError(`no plan file found in ${cwd} or its parents (looked for ${PLAN_NAMES.slice(0, 5).join(', ')}, …); pass -f <file> or set PLAN_FILE`);
}
