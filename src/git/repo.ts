// The git repository a plan file lives in, and the file's path inside it.

import { realpathSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { PlanError } from '../system/errors.js';
import { git } from './exec.js';

export interface RepoFile {
  /** The repository's top folder (real path). */
  root: string;
  /** The file's path from the root, with `/` separators, as git names it. */
  path: string;
}

/** The top folder of the repository holding `dir`, or null outside any repository. */
function repoRoot(dir: string): string | null {
  const r = git(['rev-parse', '--show-toplevel'], dir);
  if (r.status !== 0) return null;
  const top = r.stdout.toString('utf8').trim();
  return top ? realpathSync(top) : null;
}

/** Whether `dir` is inside a git repository (`plan init` then registers the merge driver). */
export function inRepository(dir: string): boolean {
  return repoRoot(dir) !== null;
}

/** Where `file` sits in its repository; `display` names it in the error outside one. */
export function repoFile(file: string, display: string, command: string): RepoFile {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new PlanError(`${display}: no such file; check the path, or pass -f <file>`);
  }
  const root = repoRoot(dirname(real));
  if (!root) throw notInRepo(display, command);
  return { root, path: relative(root, real).split(sep).join('/') };
}

function notInRepo(display: string, command: string): PlanError {
  return new PlanError(
    `${display}: not in a git repository; plan ${command} works on a plan committed to git (run it inside the repository that holds the plan)`,
  );
}
