// A plan mid-merge: git's conflict markers are not Markdown. Both sides' tasks
// read as they stand (a table split by markers keeps its columns on both
// sides), `check` reports each conflict first, reads warn, writes refuse.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findConflicts } from '../../src/parse/conflicts.js';
import { parseDocument } from '../../src/parse/index.js';
import { runChecks } from '../../src/check/index.js';
import { openPlan, type Context } from '../../src/commands/context.js';
import { setStatusOp } from '../../src/actions/set.js';
import { addOp } from '../../src/actions/add.js';
import { PlanError } from '../../src/system/errors.js';
import { planOf } from '../helpers/inproc.js';

const SPLIT_TABLE = [
  '# Plan',
  '',
  '| # | Task | Owner | Status |',
  '|---|------|-------|--------|',
  '| 1 | Alpha | Ana | ✅ Done |',
  '<<<<<<< ours',
  '| 2 | Beta | Ana | 🔄 In Progress |',
  '=======',
  '| 2 | Beta | Bo | ✅ Done |',
  '| 3 | Gamma | Bo | ⏳ Pending |',
  '>>>>>>> feature',
  '| 4 | Delta | Ana | ⏳ Pending |',
  '',
].join('\n');

describe('conflict markers', () => {
  it('are found only as a whole <<< === >>> of one size (a lone ======= underlines a heading)', () => {
    expect(findConflicts('Title\n=======\n\ntext\n').conflicts).toEqual([]);
    expect(findConflicts('<<<<<<< a\nx\n========\ny\n>>>>>>> b\n').conflicts).toEqual([]);
    expect(findConflicts('<<<<<<< a\nx\n=======\ny\n').conflicts).toEqual([]);
    expect(findConflicts('a\n<<<<<<<\nx\n||||||| base\nw\n=======\ny\n>>>>>>>\n').conflicts).toEqual([{ line: 2, ours: 'ours', theirs: 'theirs' }]);
  });

  it('leave both sides’ rows in one table with its columns, at their own lines', async () => {
    const plan = await planOf(SPLIT_TABLE);
    expect(plan.tasks.map((t) => [t.id, t.title, t.owner, t.status, t.line])).toEqual([
      ['1', 'Alpha', 'Ana', 'done', 5],
      ['2', 'Beta', 'Ana', 'in-progress', 7],
      ['2', 'Beta', 'Bo', 'done', 9],
      ['3', 'Gamma', 'Bo', 'pending', 10],
      ['4', 'Delta', 'Ana', 'pending', 12],
    ]);
  });

  it('leave out a diff3 base section, which is neither side', async () => {
    const text = [
      '- [ ] one',
      '<<<<<<< HEAD',
      '- [x] two',
      '||||||| base',
      '- [ ] two (base)',
      '=======',
      '- [ ] two, theirs',
      '>>>>>>> topic',
      '- [ ] three',
      '',
    ].join('\n');
    const plan = await planOf(text);
    expect(plan.tasks.map((t) => [t.title, t.line])).toEqual([
      ['one', 1],
      ['two', 3],
      ['two, theirs', 7],
      ['three', 9],
    ]);
    // The fast scanner and remark read the same blocks.
    const fast = await parseDocument(text);
    expect(fast.parser).toBe('fast');
    process.env.PLAN_PARSER = 'remark';
    try {
      expect((await parseDocument(text)).blocks).toEqual(fast.blocks);
    } finally {
      delete process.env.PLAN_PARSER;
    }
  });

  it('are reported by check before anything else, one per conflict, with its labels', async () => {
    const plan = await planOf(SPLIT_TABLE);
    const problems = runChecks({ plan, text: SPLIT_TABLE });
    expect(problems[0]).toMatchObject({ line: 6, severity: 'error', code: 'merge-conflict', message: 'unresolved merge conflict (ours/feature)' });
    expect(problems.filter((p) => p.code === 'merge-conflict')).toHaveLength(1);
  });

  it('make every read warn that the file is mid-merge, and every write refuse, leaving the bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-conflict-'));
    const file = join(dir, 'plan.md');
    try {
      writeFileSync(file, SPLIT_TABLE);
      const err: string[] = [];
      const ctx: Context = { opts: { file }, mode: 'plain', width: 80, out: () => {}, err: (s) => void err.push(s) };
      const { plan } = await openPlan(ctx);
      expect(plan.tasks).toHaveLength(5);
      expect(err.join('')).toMatch(/^plan: warning: .*plan\.md:6: unresolved merge conflict \(ours\/feature\): the file is mid-merge;[^\n]*\n$/);
      for (const write of [() => setStatusOp(file, '3', 'done', {}, {}), () => addOp(file, { title: 'New' }, {})]) {
        const e = await write().catch((x: unknown) => x);
        expect(e).toBeInstanceOf(PlanError);
        expect((e as Error).message).toMatch(
          /plan\.md:6: unresolved merge conflict \(ours\/feature\): the file is mid-merge; resolve the conflict .*nothing was written$/,
        );
        expect((e as Error).message).not.toContain('\n');
      }
      expect(readFileSync(file, 'utf8')).toBe(SPLIT_TABLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
