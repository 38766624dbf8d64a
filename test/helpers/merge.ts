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
 * How a side's plan commands run: a real process by default; a file of many merges passes runCli
 * (test/e2e/git-merge.test.ts), as what it tests is the merge, by git and the driver's real process.
 */
export type SideRun = (repo: Repo, args: string[], env?: Record<string, string>) => RunResult | Promise<RunResult>;

async function runSide(repo: Repo, file: string, commands: string[][], side: string, run: SideRun, extra?: Record<string, string>): Promise<void> {
  for (const args of commands) {
    const r = await run(repo, ['-f', file, ...args], extra);
    expect(r.code, `plan ${args.join(' ')} (${side}): ${r.stderr}`).toBe(0);
  }
}

/**
 * From the committed `file` on main: a branch `theirs` runs `theirs` (plan
 * commands), main runs `ours`, and main merges theirs.
 */
export async function mergeBranches(
  repo: Repo,
  file: string,
  ours: string[][],
  theirs: string[][],
  env: { ours?: Record<string, string>; theirs?: Record<string, string> } = {},
  run: SideRun = (r, args, extra) => r.run(args, extra),
): Promise<Merged> {
  const base = repo.read(file);
  repo.git(['checkout', '-q', '-b', 'theirs']);
  await runSide(repo, file, theirs, 'theirs', run, env.theirs);
  repo.commit('theirs', '2026-01-02T10:00:00Z', 'Bo');
  const theirsBytes = repo.read(file);
  repo.git(['checkout', '-q', 'main']);
  await runSide(repo, file, ours, 'ours', run, env.ours);
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
