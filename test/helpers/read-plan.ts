// Synthetic plans for the reading tests: each written to a file of its own in one temporary folder
// (removed after the file's tests), and read as `plan` reads a plan.
import { afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import type { Task } from '../../src/model/types.js';
import { tempDir } from './run.js';

/** Markdown from lines, with a final newline. */
export const doc = (...lines: string[]): string => [...lines, ''].join('\n');

/** A writer of plan files and a reader of their tasks, in a folder removed after the test file's tests. */
export function planFiles(): { planFile: (markdown: string) => string; readTasks: (markdown: string) => Promise<Task[]> } {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  let n = 0;
  const planFile = (markdown: string): string => {
    const path = join(tmp.dir, `plan-${n++}.md`);
    writeFileSync(path, markdown);
    return path;
  };
  const readTasks = async (markdown: string): Promise<Task[]> => (await loadPlan(planFile(markdown), false, false)).plan.tasks;
  return { planFile, readTasks };
}
