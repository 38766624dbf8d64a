// End-to-end: plan's merge driver in real git repositories, two branches
// merged by `git merge`, the result checked byte for byte.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SEED } from '../helpers/run.js';
import { gitEnv, makeRepo, type Repo } from '../helpers/git.js';
import { runCli } from '../helpers/cli.js';
import { changedLines, lineMerge, lines, mergeBranches as mergeBy, mergeTexts } from '../helpers/merge.js';

const seed = readFileSync(SEED);

// Each side's writes run in-process (a Node start-up each, 2 or 3 a merge, was most of this file's time);
// git and the merge driver it starts are real processes.
const mergeBranches = (repo: Repo, file: string, ours: string[][], theirs: string[][], env: Parameters<typeof mergeBy>[4] = {}) =>
  mergeBy(repo, file, ours, theirs, env, (r, args, extra) => runCli(args, { cwd: r.dir, env: { ...gitEnv(r.dir), ...extra } }));
const DAY2 = { SOURCE_DATE_EPOCH: '1767312000' }; // 2026-01-02
const DAY3 = { SOURCE_DATE_EPOCH: '1767398400' }; // 2026-01-03

function withRepo(file: string, content: Buffer | string, driver: boolean, fn: (r: Repo) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const repo = makeRepo();
    try {
      repo.write(file, content);
      if (driver) repo.useDriver(file);
      repo.commit('base');
      await fn(repo);
    } finally {
      repo.cleanup();
    }
  };
}

// A title with an invalid byte pair and damaged text (‚úÖ for ✅) in another task.
const INVALID = Buffer.concat([
  Buffer.from('# P '),
  Buffer.from([0xff, 0xfe]),
  Buffer.from('\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A \u201a\u00fa\u00d6 | ⏳ Pending |\n| 2 | B | ⏳ Pending |\n'),
]);

const unmerged = (repo: Repo) => repo.git(['diff', '--name-only', '--diff-filter=U']).trim();

describe('plan merge-driver in git merges', () => {
  it(
    "neighbouring rows of one table changed on each side merge cleanly, each side's bytes kept",
    withRepo('PLAN.md', seed, true, async (repo) => {
      const m = await mergeBranches(repo, 'PLAN.md', [['set', '1.3', 'blocked', '--no-touch']], [['set', '1.2', 'done', '--no-touch']]);
      expect(m.merge.code, m.merge.stderr).toBe(0);
      expect(changedLines(m.base, m.ours)).toEqual([26]);
      expect(changedLines(m.base, m.theirs)).toEqual([25]);
      expect(m.result.equals(lineMerge(m.base, m.ours, m.theirs))).toBe(true);
      expect(unmerged(repo)).toBe('');
    }),
  );

  it(
    "the same change without the driver is a conflict (git's line merge)",
    withRepo('PLAN.md', seed, false, async (repo) => {
      const m = await mergeBranches(repo, 'PLAN.md', [['set', '1.3', 'blocked', '--no-touch']], [['set', '1.2', 'done', '--no-touch']]);
      expect(m.merge.code).toBe(1);
      expect(m.result.toString('utf8')).toContain('<<<<<<< ');
      expect(unmerged(repo)).toBe('PLAN.md');
    }),
  );

  it(
    'status, owner and notes of different tasks, and the later date stamps',
    withRepo('plan.md', readFileSync(join(FIXTURES, 'aligned.md')), true, async (repo) => {
      repo.write('plan.md', `---\nmodified: 2026-01-01\n---\n${repo.text('plan.md')}\n**Last Updated**: 2026-01-01\n`);
      repo.commit('stamps');
      const m = await mergeBranches(
        repo,
        'plan.md',
        [
          ['set', 'T-03', 'in-progress'],
          ['edit', 'T-01', '--notes', 'second cut'],
        ],
        [
          ['set', 'T-04', 'done'],
          ['edit', 'T-02', '--owner', 'Cy'],
        ],
        { ours: DAY2, theirs: DAY3 },
      );
      expect(m.merge.code, m.merge.stderr).toBe(0);
      // Each side changed its rows and both stamps; the stamps take the later date (theirs).
      const expected = lineMerge(m.base, Buffer.from(m.ours.toString('utf8').replaceAll('2026-01-02', '2026-01-01')), m.theirs);
      expect(m.result.equals(expected)).toBe(true);
      expect(m.result.toString('utf8')).toContain('modified: 2026-01-03\n');
      expect(m.result.toString('utf8')).toContain('**Last Updated**: 2026-01-03\n');
    }),
  );

  it(
    'the later stamp wins whichever side it is on',
    withRepo(
      'plan.md',
      '---\nmodified: 2026-01-01\n---\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n| 2 | B | ⏳ Pending |\n',
      true,
      async (repo) => {
        const m = await mergeBranches(repo, 'plan.md', [['set', '1', 'done']], [['set', '2', 'done']], { ours: DAY3, theirs: DAY2 });
        expect(m.merge.code, m.merge.stderr).toBe(0);
        expect(m.result.toString('utf8')).toBe(
          '---\nmodified: 2026-01-03\n---\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ Done |\n| 2 | B | ✅ Done |\n',
        );
      },
    ),
  );

  it(
    'the same cell changed two ways: conflict markers around that row only, git reports the conflict',
    withRepo('PLAN.md', seed, true, async (repo) => {
      const m = await mergeBranches(
        repo,
        'PLAN.md',
        [
          ['set', '1.2', 'blocked', '--no-touch'],
          ['set', '1.3', 'done', '--no-touch'],
        ],
        [['set', '1.2', 'cancelled', '--no-touch']],
      );
      expect(m.merge.code).toBe(1);
      expect(m.merge.stdout + m.merge.stderr).toMatch(/CONFLICT \(content\): Merge conflict in PLAN\.md/);
      expect(m.merge.stderr).toContain('1 conflict left between markers: 1.2 (line 25)');
      const [b, o, t] = [m.base, m.ours, m.theirs].map(lines);
      const expected = [...b!.slice(0, 24), '<<<<<<< ours\n', o![24]!, '=======\n', t![24]!, '>>>>>>> theirs\n', o![25]!, ...b!.slice(26)].join('');
      expect(m.result.toString('latin1')).toBe(expected);
      expect(unmerged(repo)).toBe('PLAN.md');
    }),
  );

  it(
    'with merge.conflictStyle diff3 the conflict shows the base row too',
    withRepo('PLAN.md', seed, true, async (repo) => {
      repo.git(['config', 'merge.conflictStyle', 'diff3']);
      const m = await mergeBranches(repo, 'PLAN.md', [['set', '1.2', 'blocked', '--no-touch']], [['set', '1.2', 'cancelled', '--no-touch']]);
      expect(m.merge.code).toBe(1);
      const [b, o, t] = [m.base, m.ours, m.theirs].map(lines);
      const expected = [
        ...b!.slice(0, 24),
        '<<<<<<< ours\n',
        o![24]!,
        '||||||| base\n',
        b![24]!,
        '=======\n',
        t![24]!,
        '>>>>>>> theirs\n',
        ...b!.slice(25),
      ].join('');
      expect(m.result.toString('latin1')).toBe(expected);
    }),
  );

  it(
    'a task added on each side keeps both, ours first',
    withRepo('PLAN.md', seed, true, async (repo) => {
      const m = await mergeBranches(repo, 'PLAN.md', [['add', 'Ours task', '--week', '1', '--no-touch']], [['add', 'Their task', '--week', '1', '--no-touch']]);
      expect(m.merge.code, m.merge.stderr).toBe(0);
      const [b, o, t] = [m.base, m.ours, m.theirs].map(lines);
      expect(o![26]).toMatch(/^\| 1\.4 \| Ours task \|/);
      expect(t![26]).toMatch(/^\| 1\.4 \| Their task \|/);
      expect(m.result.toString('latin1')).toBe([...b!.slice(0, 26), o![26]!, t![26]!, ...b!.slice(26)].join(''));
    }),
  );

  it(
    'a task changed on one side and deleted on the other is a conflict, not a silent loss',
    withRepo('plan.md', '| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n| 2 | B | ⏳ Pending |\n| 3 | C | ⏳ Pending |\n', true, (repo) => {
      const r = mergeTexts(
        repo,
        'plan.md',
        '| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n| 2 | B | ✅ Done |\n| 3 | C | ⏳ Pending |\n',
        '| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n| 3 | C | ⏳ Pending |\n',
      );
      expect(r.code).toBe(1);
      expect(repo.text('plan.md')).toBe(
        '| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n<<<<<<< ours\n| 2 | B | ✅ Done |\n=======\n>>>>>>> theirs\n| 3 | C | ⏳ Pending |\n',
      );
    }),
  );

  it(
    'a task deleted on one side and unchanged on the other is deleted; text outside tasks merges by lines',
    withRepo(
      'plan.md',
      '# Plan\n\nIntro.\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n| 2 | B | ⏳ Pending |\n\nOutro.\n',
      true,
      (repo) => {
        const r = mergeTexts(
          repo,
          'plan.md',
          '# Plan\n\nIntro.\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ Done |\n| 2 | B | ⏳ Pending |\n\nOutro, rewritten.\n',
          '# Plan\n\nIntro, longer.\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n\nOutro.\n',
        );
        expect(r.code, r.stderr).toBe(0);
        expect(repo.text('plan.md')).toBe('# Plan\n\nIntro, longer.\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ Done |\n\nOutro, rewritten.\n');
      },
    ),
  );

  it(
    "the same prose line changed two ways keeps git's own conflict there",
    withRepo('plan.md', '# Plan\n\nIntro.\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n| 2 | B | ⏳ Pending |\n', true, (repo) => {
      const ours = '# Plan\n\nOur intro.\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ Done |\n| 2 | B | ⏳ Pending |\n';
      const theirs = '# Plan\n\nTheir intro.\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n| 2 | B | ✅ Done |\n';
      expect(mergeTexts(repo, 'plan.md', ours, theirs).code).toBe(1);
      expect(repo.text('plan.md')).toBe(
        '# Plan\n\n<<<<<<< ours\nOur intro.\n=======\nTheir intro.\n>>>>>>> theirs\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ Done |\n| 2 | B | ✅ Done |\n',
      );
    }),
  );

  it(
    'checklist items next to each other merge cleanly',
    withRepo('plan.md', readFileSync(join(FIXTURES, 'checklist.md')), true, async (repo) => {
      const m = await mergeBranches(repo, 'plan.md', [['set', '2.1', 'done', '--no-touch']], [['set', '2.2', 'pending', '--no-touch']]);
      expect(m.merge.code, m.merge.stderr).toBe(0);
      expect(m.result.equals(lineMerge(m.base, m.ours, m.theirs))).toBe(true);
    }),
  );

  for (const [fixture, a, b] of [
    ['crlf.md', '1.2', '1.3'],
    ['bom.md', '1.2', '1.3'],
    ['aligned.md', 'T-02', 'T-03'],
  ] as const) {
    it(
      `${fixture}: line endings, BOM and alignment survive byte for byte`,
      withRepo('plan.md', readFileSync(join(FIXTURES, fixture)), true, async (repo) => {
        const m = await mergeBranches(repo, 'plan.md', [['set', a, 'blocked', '--no-touch']], [['set', b, 'done', '--no-touch']]);
        expect(m.merge.code, m.merge.stderr).toBe(0);
        expect(m.result.equals(lineMerge(m.base, m.ours, m.theirs))).toBe(true);
        expect(m.result.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(fixture === 'bom.md');
        if (fixture === 'crlf.md') expect(m.result.toString('latin1').split('\r\n').length).toBe(m.base.toString('latin1').split('\r\n').length);
      }),
    );
  }

  it(
    'invalid UTF-8 and damaged text elsewhere in the file survive',
    withRepo('plan.md', INVALID, true, async (repo) => {
      const m = await mergeBranches(repo, 'plan.md', [['set', '1', 'done', '--no-touch']], [['set', '2', 'blocked', '--no-touch']]);
      expect(m.merge.code, m.merge.stderr).toBe(0);
      expect(m.result.subarray(0, 6).equals(Buffer.from([0x23, 0x20, 0x50, 0x20, 0xff, 0xfe]))).toBe(true);
      expect(m.result.equals(lineMerge(m.base, m.ours, m.theirs))).toBe(true);
    }),
  );
});

describe('plan merge-driver run by hand', () => {
  it(
    'writes the result into %A and exits 0 when clean, 1 with conflicts',
    withRepo('plan.md', '| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n', false, (repo) => {
      repo.write('o.md', '| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n');
      repo.write('a.md', '| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ Done |\n');
      repo.write('b.md', '| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n| 2 | B | ⏳ Pending |\n');
      const clean = repo.run(['merge-driver', 'o.md', 'a.md', 'b.md', 'plan.md']);
      expect(clean).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(repo.text('a.md')).toBe('| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ Done |\n| 2 | B | ⏳ Pending |\n');
      repo.write('c.md', '| # | Task | Status |\n|---|---|---|\n| 1 | A | ⛔ Blocked |\n');
      const conflict = repo.run(['merge-driver', 'o.md', 'c.md', 'a.md', 'plan.md', '--marker-size', '9']);
      expect(conflict.code).toBe(1);
      expect(conflict.stderr).toBe('plan: plan.md: 1 conflict left between markers: 1 (line 3)\n');
      expect(repo.text('c.md')).toBe(
        '| # | Task | Status |\n|---|---|---|\n<<<<<<<<< ours\n| 1 | A | ⛔ Blocked |\n=========\n| 1 | A | ✅ Done |\n>>>>>>>>> theirs\n| 2 | B | ⏳ Pending |\n',
      );
    }),
  );

  it(
    'a missing input is a one-line error (exit 1)',
    withRepo('plan.md', 'x\n', false, (repo) => {
      const r = repo.run(['merge-driver', 'nope.md', 'plan.md', 'plan.md', 'plan.md']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^plan: plan\.md: cannot read nope\.md \(ENOENT\)/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }),
  );
});
