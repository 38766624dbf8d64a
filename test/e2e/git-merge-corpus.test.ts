// Every real planning file of the corpus through a scripted two-branch merge
// with plan's driver: each branch changes the status of a different task
// (neighbours where the file has them), and the merge is clean and exactly
// both changes.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, plan } from '../helpers/run.js';
import { makeRepo, type Repo } from '../helpers/git.js';
import { changedLines, lineMerge, lines } from '../helpers/merge.js';

const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')) : [];

interface TaskJson {
  id: string;
  line: number;
  status: string;
  sprint: string | null;
}

/** Candidate pairs: neighbouring tasks first, then any two. */
function pairs(tasks: TaskJson[]): [TaskJson, TaskJson][] {
  const out: [TaskJson, TaskJson][] = [];
  for (let i = 1; i < tasks.length; i++) if (tasks[i]!.line === tasks[i - 1]!.line + 1) out.push([tasks[i - 1]!, tasks[i]!]);
  for (let i = 1; i < tasks.length && out.length < 12; i += 3) out.push([tasks[0]!, tasks[i]!]);
  return out.slice(0, 12);
}

const target = (t: TaskJson, wanted: string) => (t.status === wanted ? 'pending' : wanted);

/** `plan set` on one task, picked by its line; false when plan cannot set it (no status column). */
function set(repo: Repo, t: TaskJson, status: string): boolean {
  const r = repo.run(['-f', 'plan.md', 'set', t.id, target(t, status), '--line', String(t.line), '--no-touch']);
  if (r.code !== 0) repo.git(['checkout', '--', 'plan.md']);
  return r.code === 0 && r.stdout !== '';
}

describe(`a two-branch merge of each real planning file in ${CORPUS}`, () => {
  if (files.length === 0) {
    it.skip(`skipped: ${CORPUS} is absent`, () => {});
    return;
  }
  it.each(files)('%s', (f) => {
    const base = readFileSync(join(CORPUS, f));
    const tasks = (JSON.parse(plan(['-f', join(CORPUS, f), 'list', '--json']).stdout) as { tasks: TaskJson[] }).tasks;
    const repo = makeRepo();
    try {
      repo.write('plan.md', base);
      repo.useDriver('plan.md');
      repo.commit('base');
      // Theirs: a status change (or, in a file plan cannot set, a line of prose at the end).
      repo.git(['checkout', '-q', '-b', 'theirs']);
      let pair = pairs(tasks).find(([, b]) => set(repo, b, 'done'));
      if (!pair) repo.write('plan.md', Buffer.concat([base, Buffer.from('\nTheir note.\n')]));
      repo.commit('theirs', '2026-01-02T10:00:00Z', 'Bo');
      const theirs = repo.read('plan.md');
      // Ours: the other task of the pair (or prose at the start).
      repo.git(['checkout', '-q', 'main']);
      if (!pair || !set(repo, pair[0], 'blocked')) {
        pair = undefined;
        repo.write('plan.md', Buffer.concat([Buffer.from('Our note.\n\n'), base]));
      }
      repo.commit('ours', '2026-01-03T10:00:00Z');
      const ours = repo.read('plan.md');
      const merge = repo.tryGit(['merge', '--no-edit', 'theirs']);
      expect(merge.code, merge.stderr).toBe(0);
      const result = repo.read('plan.md');
      if (pair && lines(theirs).length === lines(base).length) {
        expect(changedLines(base, ours)).toHaveLength(1);
        expect(changedLines(base, theirs)).toHaveLength(1);
        expect(result.equals(lineMerge(base, ours, theirs))).toBe(true);
      } else {
        // Prose on each side (or one side): every byte of both changes is there.
        const expected = Buffer.concat([ours.subarray(0, ours.length - base.length), theirs]);
        expect(result.equals(pair ? lineMerge(base, ours, theirs) : expected)).toBe(true);
      }
    } finally {
      repo.cleanup();
    }
  });
});
