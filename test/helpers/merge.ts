// Two branches changing one plan file, then merged: the scaffolding of the
// merge-driver tests.
import { expect } from 'vitest';
import type { RunResult } from './run.js';
import type { Repo } from './git.js';

export interface Merged {
  base: Buffer;
  ours: Buffer;
  theirs: Buffer;
  result: Buffer;
  merge: RunResult;
}

/**
 * From the committed `file` on main: a branch `theirs` runs `theirs` (plan
 * commands), main runs `ours`, and main merges theirs.
 */
export function mergeBranches(
  repo: Repo,
  file: string,
  ours: string[][],
  theirs: string[][],
  env: { ours?: Record<string, string>; theirs?: Record<string, string> } = {},
): Merged {
  const base = repo.read(file);
  repo.git(['checkout', '-q', '-b', 'theirs']);
  for (const args of theirs) expect(repo.run(['-f', file, ...args], env.theirs).code, `plan ${args.join(' ')} (theirs)`).toBe(0);
  repo.commit('theirs', '2026-01-02T10:00:00Z', 'Bo');
  const theirsBytes = repo.read(file);
  repo.git(['checkout', '-q', 'main']);
  for (const args of ours) expect(repo.run(['-f', file, ...args], env.ours).code, `plan ${args.join(' ')} (ours)`).toBe(0);
  repo.commit('ours', '2026-01-03T10:00:00Z');
  const oursBytes = repo.read(file);
  const merge = repo.tryGit(['merge', '--no-edit', 'theirs']);
  return { base, ours: oursBytes, theirs: theirsBytes, result: repo.read(file), merge };
}

/** From the committed `file` on main: `theirs` written on a branch, `ours` on main, then merged. */
export function mergeTexts(repo: Repo, file: string, ours: string, theirs: string): RunResult {
  repo.git(['checkout', '-q', '-b', 'theirs']);
  repo.write(file, theirs);
  repo.commit('theirs', '2026-01-02T10:00:00Z', 'Bo');
  repo.git(['checkout', '-q', 'main']);
  repo.write(file, ours);
  repo.commit('ours', '2026-01-03T10:00:00Z');
  return repo.tryGit(['merge', '--no-edit', 'theirs']);
}

/** Lines with their endings (CR kept). */
export function lines(b: Buffer | string): string[] {
  return (typeof b === 'string' ? b : b.toString('latin1')).match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The merge of two versions that changed different lines of the base and
 * kept its line count: each line from the side that changed it. Bytes are
 * compared as latin1 so damaged and invalid text compare exactly.
 */
export function lineMerge(base: Buffer, ours: Buffer, theirs: Buffer): Buffer {
  const [b, o, t] = [base, ours, theirs].map(lines);
  expect(o!.length, 'ours keeps the line count').toBe(b!.length);
  expect(t!.length, 'theirs keeps the line count').toBe(b!.length);
  const out = b!.map((line, i) => {
    const mine = o![i]!;
    const yours = t![i]!;
    if (mine !== line && yours !== line) expect(yours, `line ${i + 1} changed on both sides`).toBe(mine);
    return yours !== line ? yours : mine;
  });
  return Buffer.from(out.join(''), 'latin1');
}

/** The lines that differ between two versions of equal length (1-based numbers). */
export function changedLines(a: Buffer, b: Buffer): number[] {
  const [x, y] = [lines(a), lines(b)];
  return x.flatMap((l, i) => (l !== y[i] ? [i + 1] : []));
}
