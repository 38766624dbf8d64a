// Every real planning file of the corpus through a scripted two-branch merge
// with plan's driver, all in one repository and one `git merge` (git runs the
// driver once per file): each branch changes the status of a different task
// of each file (neighbours where the file has them), and each file's merge is
// clean and exactly both changes. The sets that make the branches run
// in-process (test/helpers/cli.ts): only the merge needs git to start plan's driver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, type RunResult } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { gitEnv, makeRepo, type Repo } from '../helpers/git.js';
import { buildFromText } from '../../src/load/load.js';
import { decode } from '../../src/text/decode.js';
import { changedLines, lineMerge, lines } from '../helpers/merge.js';

const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')) : [];

interface Pick {
  id: string;
  line: number;
  status: string;
}

/** Candidate pairs: neighbouring tasks first, then a few others. */
async function pairs(bytes: Buffer): Promise<[Pick, Pick][]> {
  const { text, escaped } = decode(bytes);
  const tasks = (await buildFromText('/nonexistent/plan.md', text, escaped)).tasks;
  const out: [Pick, Pick][] = [];
  for (let i = 1; i < tasks.length; i++) if (tasks[i]!.line === tasks[i - 1]!.line + 1) out.push([tasks[i - 1]!, tasks[i]!]);
  for (let i = 1; i < tasks.length && out.length < 12; i += 3) out.push([tasks[0]!, tasks[i]!]);
  return out.slice(0, 12);
}

interface Case {
  name: string;
  base: Buffer;
  ours?: Buffer;
  theirs?: Buffer;
  result?: Buffer;
  /** The tasks set on each side, or null where prose was added instead. */
  pair: [Pick, Pick] | null;
}

describe(`a two-branch merge of each real planning file in ${CORPUS}`, () => {
  if (files.length === 0) {
    it.skip(`skipped: ${CORPUS} is absent`, () => {});
    return;
  }
  let repo: Repo;
  let merge: RunResult;
  const cases = new Map<string, Case>();

  /**
   * `plan set` on one task, picked by its line, where plan writes it in one line in place; false (the file restored)
   * where it cannot set it (no status column) or writes more (a move on a board, a task's other places).
   */
  const set = async (file: string, t: Pick, wanted: string): Promise<boolean> => {
    const before = repo.read(file);
    const args = ['-f', file, 'set', t.id, t.status === wanted ? 'pending' : wanted, '--line', String(t.line), '--no-touch'];
    const r = await runCli(args, { cwd: repo.dir, env: gitEnv(repo.dir) });
    const after = repo.read(file);
    const inPlace = lines(after).length === lines(before).length && changedLines(before, after).length === 1;
    if (r.code !== 0 || !inPlace) repo.git(['checkout', '--', file]);
    return r.code === 0 && r.stdout !== '' && inPlace;
  };

  beforeAll(async () => {
    repo = makeRepo();
    files.forEach((f, i) => {
      const name = `p${String(i).padStart(2, '0')}.md`;
      cases.set(f, { name, base: readFileSync(join(CORPUS, f)), pair: null });
      repo.write(name, cases.get(f)!.base);
    });
    repo.useDriver('p00.md');
    repo.write('.gitattributes', `*.md merge=plan\n`); // every file, not only the first
    repo.commit('base');
    // Theirs: a status change in each file (or, where plan cannot set one, prose at the end).
    repo.git(['checkout', '-q', '-b', 'theirs']);
    for (const c of cases.values()) {
      c.pair = null;
      for (const p of await pairs(c.base)) {
        if (await set(c.name, p[1], 'done')) {
          c.pair = p;
          break;
        }
      }
      if (!c.pair) repo.write(c.name, Buffer.concat([c.base, Buffer.from('\nTheir note.\n')]));
    }
    repo.commit('theirs', '2026-01-02T10:00:00Z', 'Bo');
    for (const c of cases.values()) c.theirs = repo.read(c.name);
    // Ours: the other task of the pair (or prose at the start).
    repo.git(['checkout', '-q', 'main']);
    for (const c of cases.values()) {
      if (!c.pair || !(await set(c.name, c.pair[0], 'blocked'))) {
        c.pair = null;
        repo.write(c.name, Buffer.concat([Buffer.from('Our note.\n\n'), c.base]));
      }
    }
    repo.commit('ours', '2026-01-03T10:00:00Z');
    for (const c of cases.values()) c.ours = repo.read(c.name);
    merge = repo.tryGit(['merge', '--no-edit', 'theirs']);
    for (const c of cases.values()) c.result = repo.read(c.name);
  }, 600_000);
  afterAll(() => repo?.cleanup());

  it('git merges every file without a conflict', () => {
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
  });

  it.each(files)('%s', (f) => {
    const { base, ours, theirs, result, pair } = cases.get(f)!;
    if (pair && lines(theirs!).length === lines(base).length) {
      expect(changedLines(base, ours!)).toHaveLength(1);
      expect(changedLines(base, theirs!)).toHaveLength(1);
      expect(result!.equals(lineMerge(base, ours!, theirs!))).toBe(true);
    } else {
      // Prose on each side: every byte of both changes is there.
      expect(result!.equals(Buffer.concat([ours!.subarray(0, ours!.length - base.length), theirs!]))).toBe(true);
    }
  });
});
