// plan init: a starter plan where there is none: a sprint table (with the
// Owner, Due, Priority and Depends On columns plan reads and writes), a
// checklist, and the legend of the statuses it uses. It never replaces a file:
// the file is created exclusively, so a plan that appears meanwhile is kept.

import { writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Context } from './context.js';
import { displayPath } from '../load/load.js';
import { PlanError, UsageError } from '../system/errors.js';
import { runtime } from '../system/runtime.js';

const STARTER = `# Plan

## Sprint 1

| ID | Task | Status | Owner | Due | Priority | Depends On |
|----|------|--------|-------|-----|----------|------------|
| 1.1 | Write the first task | 🔄 In Progress | | | High | |
| 1.2 | Write the next one | ⏳ Pending | | | Medium | 1.1 |

## Checklist

- [ ] Something small to do
- [x] Something done

## Legend

| Mark | Status |
|------|--------|
| ✅ | Done |
| 🔄 | In Progress |
| ⏳ | Pending |
| 🚫 | Blocked |
| ❌ | Cancelled |
`;

/** The path `plan init` writes: -f's, else PLAN.md in this folder. */
export function initPath(files: string | readonly string[] | undefined): string {
  const cwd = runtime().cwd();
  // `-f` may be given several times for a plan of several files; init writes one.
  if (Array.isArray(files) && files.length > 1) throw new UsageError('plan init writes one file: give one -f <file>');
  const file = Array.isArray(files) ? files[0] : (files as string | undefined);
  if (!file) return join(cwd, 'PLAN.md');
  return isAbsolute(file) ? file : join(cwd, file);
}

export function init(ctx: Context, path: string): number {
  const display = displayPath(path);
  try {
    writeFileSync(path, STARTER, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new PlanError(`${display}: already exists; plan init writes a starter plan only where there is none (see plan list)`);
    throw new PlanError(`${display}: cannot be written (${code ?? 'error'}); check the folder and its permissions`);
  }
  ctx.out(`${display}: wrote a starter plan: a sprint table, a checklist and the legend of its statuses (try plan list, plan next)\n`);
  return 0;
}
