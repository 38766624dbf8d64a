// Shared by the write-*.test.ts files: exact-bytes expectations, and checks
// that a write leaves nothing behind in the plan's folder.
import { expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyToTemp, FIXTURES, plan, type RunResult } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

/** SOURCE_DATE_EPOCH=1767225600, set by the helpers for every child. */
export const TODAY = '2026-01-01';

/** Replaces `from` by `to` in `text`, after checking `from` occurs exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  expect(at, `"${from}" should occur in the text`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1), `"${from}" should occur only once`).toBe(-1);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Applies several replaceOnce in a row. */
export function replaceAll(text: string, pairs: [string, string][]): string {
  return pairs.reduce((t, [a, b]) => replaceOnce(t, a, b), text);
}

/** Temporary files and lock folders a write must never leave behind. */
export function leftovers(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.plan-tmp-') || e.name.endsWith('.lock')) out.push(e.name);
    else if (e.isDirectory()) out.push(...leftovers(join(dir, e.name)).map((n) => `${e.name}/${n}`));
  }
  return out;
}

export interface Workspace {
  dir: string;
  file: string;
  name: string;
  /** Runs plan in the workspace folder on its file. */
  run: (args: string[], env?: Record<string, string | undefined>) => RunResult;
  text: () => string;
  bytes: () => Buffer;
  cleanup: () => void;
}

/** A workspace whose plan runs in-process (test/helpers/cli.ts). */
export interface CliWorkspace extends Omit<Workspace, 'run'> {
  run: (args: string[], env?: Record<string, string | undefined>) => Promise<RunResult>;
}

/** A temporary copy of a fixture (or any file), run with `-f <name>` from its folder, as a process. */
export function workspace(src: string, name = 'plan.md'): Workspace {
  const w = copyOf(src, name);
  return { ...w, run: (args, env) => plan(['-f', name, ...args], { cwd: w.dir, env }) };
}

/** The same, run in-process. */
export function cliWorkspace(src: string, name = 'plan.md'): CliWorkspace {
  const w = copyOf(src, name);
  return { ...w, run: (args, env) => runCli(['-f', name, ...args], { cwd: w.dir, env }) };
}

function copyOf(src: string, name: string): Omit<Workspace, 'run'> {
  const t = copyToTemp(src.includes('/') ? src : join(FIXTURES, src), name);
  return {
    dir: t.dir,
    file: t.file,
    name,
    text: () => readFileSync(t.file, 'utf8'),
    bytes: () => readFileSync(t.file),
    cleanup: () => {
      // Every test ends with a folder free of temporary files and locks.
      expect(leftovers(t.dir)).toEqual([]);
      t.cleanup();
    },
  };
}

/** Expects a successful run with nothing on stderr. */
export function ok(r: RunResult): RunResult {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

/** The `plan set` plain-mode report line. */
export function setReport(id: string, from: string, to: string, file: string, line: number): string {
  return `id\tchange\tfile\tline\n${id}\t${from} → ${to}\t${file}\t${line}\n`;
}

/** A test body run on a fresh copy of `src` (named `name`), removed afterwards. */
export function withCopy(src: string, name: string, fn: (w: Workspace) => void): () => void {
  return () => {
    const w = workspace(src, name);
    try {
      fn(w);
    } finally {
      w.cleanup();
    }
  };
}

/** withCopy, run in-process. */
export function withCliCopy(src: string, name: string, fn: (w: CliWorkspace) => Promise<void>): () => Promise<void> {
  return async () => {
    const w = cliWorkspace(src, name);
    try {
      await fn(w);
    } finally {
      w.cleanup();
    }
  };
}

/** idAtLine, run in-process. */
export async function cliIdAtLine(w: CliWorkspace, line: number): Promise<string> {
  const r = await w.run(['list', '--json', '--line', String(line)]);
  const tasks = JSON.parse(r.stdout).tasks as { id: string }[];
  expect(tasks, `one task on line ${line}`).toHaveLength(1);
  return tasks[0]!.id;
}
