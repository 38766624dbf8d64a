// End-to-end: every scope a filter names picks a place for the writers too.
// `plan add` and `plan edit` took --sprint, --week, --month and --phase but not
// --milestone (the MCP server's edit_task did), so `plan edit` suggested
// `--milestone 1` for an id two milestones share and then refused the flag;
// and `plan add --line` was accepted and ignored.
import { afterEach, describe, expect, it } from 'vitest';
import { writeTemp } from '../helpers/run.js';
import { ok, replaceOnce, cliWorkspace, type CliWorkspace } from '../e2e/write-helpers.js';

const PLAN = `# Plan

## Milestone 1: Alpha

| # | Task | Status |
|---|------|--------|
| 1 | Design | ✅ Done |

## Milestone 2: Beta

| # | Task | Status |
|---|------|--------|
| 1 | Ship | ⏳ Pending |
`;

let w: CliWorkspace;
let source: { cleanup(): void };

function milestones(text = PLAN): CliWorkspace {
  const t = writeTemp(text, 'source.md');
  source = t;
  w = cliWorkspace(t.file);
  return w;
}

afterEach(() => {
  w.cleanup();
  source.cleanup();
});

describe('--milestone picks the place of a write', () => {
  it('plan add --milestone 2 appends to that milestone’s table, with the id after the file’s last', async () => {
    milestones();
    const r = ok(await w.run(['add', 'Docs', '--milestone', '2', '--no-touch']));
    expect(r.stdout.split('\n')).toEqual(expect.arrayContaining(['id\t2', 'title\tDocs', 'milestone\t2', 'location\tplan.md:14']));
    expect(w.text()).toBe(`${PLAN}| 2 | Docs | ⏳ Pending |\n`);
  });

  it('plan add without it names --milestone among the flags that pick one of the tables, writing nothing', async () => {
    // Work in progress in both tables: no table is the current work's (else the task goes there).
    const both = PLAN.replace('| 1 | Design | ✅ Done |', '| 1 | Design | 🔄 In Progress |').replace(
      '| 1 | Ship | ⏳ Pending |',
      '| 1 | Ship | 🔄 In Progress |',
    );
    milestones(both);
    const r = await w.run(['add', 'Docs']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      'plan: plan.md: 2 task tables match; pick one with --week, --sprint, --milestone or --section:\n' +
        '  line 5: Plan > Milestone 1: Alpha\n' +
        '  line 11: Plan > Milestone 2: Beta\n',
    );
    expect(w.text()).toBe(both);
  });

  it('plan edit --milestone 1 changes the task the error for a shared id suggested', async () => {
    milestones();
    const shared = await w.run(['edit', '1', '--title', 'Design v2']);
    expect(shared.code).toBe(1);
    expect(shared.stderr).toContain('1 line 7: Design  (--milestone 1)');
    expect(w.text()).toBe(PLAN);
    const r = ok(await w.run(['edit', '1', '--title', 'Design v2', '--milestone', '1', '--no-touch']));
    expect(r.stdout).toBe('id\tchange\tfile\tline\n1\ttitle changed\tplan.md\t7\n');
    expect(w.text()).toBe(replaceOnce(PLAN, '| 1 | Design |', '| 1 | Design v2 |'));
  });

  it('plan add refuses --line (a line names a task, not a table) as a usage error, writing nothing', async () => {
    milestones();
    const r = await w.run(['add', 'Docs', '--milestone', '2', '--line', '7']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^error: unknown option '--line'/);
    expect(w.text()).toBe(PLAN);
  });
});
