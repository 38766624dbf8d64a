// Which plan file a command works on: -f, else $PLAN_FILE, else the first of
// PLAN_NAMES found in the current folder or its parents (up to the repository root).
//
// A plan found by discovery is the repository's, and a repository is
// untrusted: a committed `PLAN.md` that is a symbolic link to a file outside
// the repository (`/home/you/.ssh/id_rsa`) would be read, served to agents
// over MCP and followed by `plan log`. Such a plan is refused. A path the user
// gives (-f, or $PLAN_FILE, set in the user's own environment) is followed
// wherever it leads: that is the user's choice, not the repository's.

import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PlanError, UsageError } from '../system/errors.js';
import { envText } from '../system/env.js';
import { runtime } from '../system/runtime.js';

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
      if (existsSync(candidate) && statSync(candidate).isFile()) return insideRepository(candidate);
    }
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, '.git'))) break;
    dir = parent;
  }
  throw new UsageError(`no plan file found in ${cwd} or its parents (looked for ${PLAN_NAMES.slice(0, 5).join(', ')}, …); pass -f <file> or set PLAN_FILE`);
}

/** The repository (the nearest folder with a `.git`) holding `dir`, or null. */
export function repositoryOf(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return null;
  }
}

/** `file` (found by discovery, or by a repository's `.planrc.json`) when it is no link, or a link that stays inside its repository; else refused. */
function insideRepository(file: string): string {
  if (!lstatSync(file).isSymbolicLink()) return file;
  const repo = repositoryOf(dirname(file));
  if (!repo) return file;
  const target = realpathSync(file);
  const rel = relative(realpathSync(repo), target);
  if (rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return file;
  throw new PlanError(
    `${file}: a symbolic link to ${target}, outside the repository ${repo}; plan does not follow a repository's link out of it (pass -f ${file} to read it anyway)`,
  );
}
