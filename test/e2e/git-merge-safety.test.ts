// End-to-end: the merge driver where git hands it awkward input: a plan whose
// path starts with `-`, and inputs over the size limit.
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run.js';
import { makeRepo, type Repo } from '../helpers/git.js';
import { lineMerge, mergeTexts } from '../helpers/merge.js';

const HEAD = '# Plan\n\n| # | Task | Status |\n|---|---|---|\n';
const BASE = `${HEAD}| 1 | A | ⏳ Pending |\n| 2 | B | ⏳ Pending |\n`;
const OURS = `${HEAD}| 1 | A | ✅ Done |\n| 2 | B | ⏳ Pending |\n`;
const THEIRS = `${HEAD}| 1 | A | ⏳ Pending |\n| 2 | B | ⛔ Blocked |\n`;

function inRepo(fn: (repo: Repo) => void): () => void {
  return () => {
    const repo = makeRepo();
    try {
      fn(repo);
    } finally {
      repo.cleanup();
    }
  };
}

describe('a plan whose path starts with "-"', () => {
  it(
    'merges task by task with the driver as plan git-setup writes it (-- before the paths)',
    inRepo((repo) => {
      repo.write('-PLAN.md', BASE);
      const setup = repo.run(['-f', './-PLAN.md', 'git-setup', '--command', 'plan-under-test']);
      expect(setup.code, setup.stderr).toBe(0);
      const driver = repo.git(['config', 'merge.plan.driver']).trim();
      expect(driver).toMatch(/^plan-under-test merge-driver --marker-size %L .*-- %O %A %B %P$/);
      repo.git(['config', 'merge.plan.driver', driver.replace('plan-under-test', `'${process.execPath}' '${BIN}'`)]);
      repo.commit('base');
      const r = mergeTexts(repo, '-PLAN.md', OURS, THEIRS);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.text('-PLAN.md')).toBe(lineMerge(Buffer.from(BASE), Buffer.from(OURS), Buffer.from(THEIRS)).toString('utf8'));
    }),
  );

  it(
    'merges task by task with the driver as an older plan git-setup wrote it (%P before the options)',
    inRepo((repo) => {
      repo.write('-PLAN.md', BASE);
      repo.write('.gitattributes', '/-PLAN.md merge=plan\n');
      repo.git(['config', 'merge.plan.driver', `'${process.execPath}' '${BIN}' merge-driver %O %A %B %P --marker-size %L`]);
      repo.commit('base');
      const r = mergeTexts(repo, '-PLAN.md', OURS, THEIRS);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.text('-PLAN.md')).toBe(lineMerge(Buffer.from(BASE), Buffer.from(OURS), Buffer.from(THEIRS)).toString('utf8'));
    }),
  );
});

describe('inputs over the size limit', () => {
  it(
    "are handed to git's own line merge, which the driver says on stderr",
    inRepo((repo) => {
      repo.write('o.md', BASE);
      repo.write('a.md', OURS);
      repo.write('b.md', THEIRS);
      repo.write('expected.md', OURS);
      // git's line merge of neighbouring rows: a conflict (the per-task merge would be clean).
      const git = repo.tryGit(['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', 'expected.md', 'o.md', 'b.md']);
      expect(git.code).toBe(1);
      const r = repo.run(['merge-driver', 'o.md', 'a.md', 'b.md', 'PLAN.md'], { PLAN_MAX_BYTES: '64' });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        "plan: PLAN.md: larger than plan reads (64 bytes; PLAN_MAX_BYTES); used git's line merge instead\nplan: PLAN.md: 1 conflict left between markers\n",
      );
      expect(repo.text('a.md')).toBe(repo.text('expected.md'));
      // Under the limit, the same inputs merge task by task.
      repo.write('a.md', OURS);
      expect(repo.run(['merge-driver', 'o.md', 'a.md', 'b.md', 'PLAN.md'])).toMatchObject({ code: 0, stderr: '' });
    }),
  );
});
