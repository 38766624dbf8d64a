// End-to-end: `plan set` on copies of the seed, checking the exact bytes on
// disk. Every expected file is the original with exactly the intended
// substrings replaced (never a second run of plan).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SEED } from '../helpers/run.js';
import { ok, replaceAll, replaceOnce, setReport, TODAY, withCliCopy, cliWorkspace } from '../e2e/write-helpers.js';

const seed = readFileSync(SEED, 'utf8');
const NAME = 'progress_planning.md';

// The seed's damaged statuses, as they are on disk.
const DAMAGED_DONE = '\u201a\u00fa\u00d6 Complete'; // ‚úÖ Complete
const DAMAGED_NEXT = '\uf8ff\u00fc\u00ee\u00d1 Next'; // 🔄 Next, read through Mac Roman
const DAMAGED_PENDING = '\u201a\u00e8\u2265 Pending'; // ‚è≥ Pending

const ROW_1_2 = `| 1.2 | Memory Tools Integration | ${DAMAGED_NEXT} | Connect metrics_collector.py |`;
const ROW_1_3 = `| 1.3 | Redis + VM Split | ${DAMAGED_PENDING} | Real-time + historical |`;

/** The seed's two date stamps, set to today. */
function stamped(text: string): string {
  return replaceAll(text, [
    ['\nmodified: 2026-02-20\n', `\nmodified: ${TODAY}\n`],
    ['**Last Updated**: 2026-02-20', `**Last Updated**: ${TODAY}`],
  ]);
}

describe('plan set on the seed', () => {
  it(
    "set 1.2 done rewrites only the status text (in the file's own `✅ Complete`) and the date stamps",
    withCliCopy(SEED, NAME, async (w) => {
      const r = ok(await w.run(['set', '1.2', 'done']));
      expect(r.stdout).toBe(setReport('1.2', 'in-progress', 'done', NAME, 25));
      const expected = stamped(replaceOnce(seed, ROW_1_2, '| 1.2 | Memory Tools Integration | ✅ Complete | Connect metrics_collector.py |'));
      expect(w.text()).toBe(expected);
      // The damaged text of other rows is left as it is.
      expect(w.text()).toContain(DAMAGED_DONE);
      expect(w.text()).toContain('CE-001\u201a\u00c4\u00ecCE-006');
    }),
  );

  it(
    'set back restores the original bytes (the damaged `🔄 Next` too), date stamps aside',
    withCliCopy(SEED, NAME, async (w) => {
      ok(await w.run(['set', '1.2', 'done']));
      ok(await w.run(['set', '1.2', 'in-progress']));
      expect(w.text()).toBe(stamped(seed));
    }),
  );

  it(
    '--no-touch leaves the dates: a round trip is byte for byte',
    withCliCopy(SEED, NAME, async (w) => {
      ok(await w.run(['set', '1.2', 'done', '--no-touch']));
      expect(w.text()).toBe(replaceOnce(seed, DAMAGED_NEXT, '✅ Complete'));
      ok(await w.run(['set', '1.2', 'wip', '--no-touch']));
      expect(w.bytes().equals(readFileSync(SEED))).toBe(true);
    }),
  );

  it(
    'takes every status word and alias, and every round trip gives the seed back',
    withCliCopy(SEED, NAME, async (w) => {
      const cases: [string, string, string][] = [
        ['complete', 'done', '✅ Complete'],
        ['wip', 'in-progress', '🔄 In Progress'],
        ['in-progress', 'in-progress', '🔄 In Progress'],
        ['doing', 'in-progress', '🔄 In Progress'],
        ['blocked', 'blocked', '⛔ Blocked'],
        ['cancelled', 'cancelled', '🚫 Cancelled'],
        ['✅', 'done', '✅ Complete'],
        ['🔄', 'in-progress', '🔄 In Progress'],
        ['done', 'done', '✅ Complete'],
      ];
      for (const [arg, status, text] of cases) {
        const r = ok(await w.run(['set', '1.3', arg, '--no-touch']));
        expect(r.stdout).toBe(setReport('1.3', 'pending', status, NAME, 26));
        expect(w.text()).toBe(replaceOnce(seed, ROW_1_3, `| 1.3 | Redis + VM Split | ${text} | Real-time + historical |`));
        for (const [i, back] of ['pending', 'todo', '⏳'].entries()) {
          if (i > 0) ok(await w.run(['set', '1.3', arg, '--no-touch']));
          ok(await w.run(['set', '1.3', back, '--no-touch']));
          expect(w.bytes().equals(readFileSync(SEED)), `${arg} then ${back}`).toBe(true);
        }
      }
    }),
  );

  it(
    'keeps text that is not a status in the cell, after the new status',
    withCliCopy(SEED, NAME, async (w) => {
      ok(await w.run(['set', '2', 'done']));
      expect(w.text()).toBe(stamped(replaceOnce(seed, '| Any Agent | From benchmark analysis |', '| Any Agent | ✅ Complete — From benchmark analysis |')));
      const shown = JSON.parse(ok(await w.run(['show', '2', '--json'])).stdout).task;
      expect(shown).toMatchObject({ status: 'done', statusText: '✅ Complete — From benchmark analysis' });
    }),
  );

  it(
    'sets week items (W2, W4-5) like tasks',
    withCliCopy(SEED, NAME, async (w) => {
      ok(await w.run(['set', 'W2', 'done', '--no-touch']));
      ok(await w.run(['set', 'W4-5', 'wip', '--no-touch']));
      expect(w.text()).toBe(
        replaceAll(seed, [
          [`| 2 | Grafana Dashboards | ${DAMAGED_PENDING} |`, '| 2 | Grafana Dashboards | ✅ Complete |'],
          [`| 4-5 | A2A Protocol | ${DAMAGED_PENDING} |`, '| 4-5 | A2A Protocol | 🔄 In Progress |'],
        ]),
      );
      ok(await w.run(['set', 'W4-5', 'pending', '--no-touch']));
      ok(await w.run(['set', 'W2', 'pending', '--no-touch']));
      expect(w.bytes().equals(readFileSync(SEED))).toBe(true);
    }),
  );

  it(
    'puts the status emoji at the start of list items without a checkbox',
    withCliCopy(SEED, NAME, async (w) => {
      ok(await w.run(['set', '5.A', 'blocked']));
      ok(await w.run(['set', '5.B', 'done']));
      ok(await w.run(['set', '5.C', 'pending']));
      ok(await w.run(['set', '5.D', 'wip']));
      expect(w.text()).toBe(
        stamped(
          replaceAll(seed, [
            ['- **5.A Baseline', '- ⛔ **5.A Baseline'],
            ['- **5.B Kernel', '- ✅ **5.B Kernel'],
            ['- **5.C Stress', '- ⏳ **5.C Stress'],
            ['- **5.D Analysis', '- 🔄 **5.D Analysis'],
          ]),
        ),
      );
      // Items that now carry a status round-trip too.
      ok(await w.run(['set', '5.A', 'done']));
      ok(await w.run(['set', '5.A', 'blocked']));
      expect(w.text()).toContain('\n- ⛔ **5.A Baseline Collection**: Terminal session, clean system\n');
    }),
  );

  it(
    '--dry-run prints a unified diff and writes nothing',
    withCliCopy(SEED, NAME, async (w) => {
      const r = ok(await w.run(['set', '1.2', 'done', '--dry-run']));
      expect(r.stdout).toContain(`--- a/${NAME}\n+++ b/${NAME}\n`);
      expect(r.stdout).toContain(`\n-${ROW_1_2}\n+| 1.2 | Memory Tools Integration | ✅ Complete | Connect metrics_collector.py |\n`);
      expect(r.stdout).toContain(`\n-modified: 2026-02-20\n+modified: ${TODAY}\n`);
      expect(r.stdout).toContain(`\n-**Last Updated**: 2026-02-20\n+**Last Updated**: ${TODAY}\n`);
      expect(r.stdout.match(/^@@ /gm)).toHaveLength(3);
      expect(w.bytes().equals(readFileSync(SEED))).toBe(true);
      const j = JSON.parse(ok(await w.run(['set', '1.2', 'done', '--dry-run', '--json'])).stdout);
      expect(j).toMatchObject({ changed: true, written: false, from: 'in-progress', to: 'done' });
      expect(j.diff).toBe(r.stdout);
      expect(w.bytes().equals(readFileSync(SEED))).toBe(true);
    }),
  );

  it(
    'reports the change as JSON',
    withCliCopy(SEED, NAME, async (w) => {
      const j = JSON.parse(ok(await w.run(['set', '1.3', 'done', '--json'])).stdout);
      expect(j).toMatchObject({ schemaVersion: 3, file: NAME, changed: true, written: true, from: 'pending', to: 'done' });
      expect(j.task).toMatchObject({ id: '1.3', status: 'done', statusText: '✅ Complete', line: 26 });
      expect(j.diff).toContain('+| 1.3 | Redis + VM Split | ✅ Complete | Real-time + historical |');
    }),
  );

  it(
    'changes nothing (not even the dates) when the task already has the status',
    withCliCopy(SEED, NAME, async (w) => {
      const r = await w.run(['set', '1.3', 'todo']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`plan: ${NAME}:26: task 1.3 is already like that; nothing to change\n`);
      expect(w.bytes().equals(readFileSync(SEED))).toBe(true);
    }),
  );

  it(
    'refuses an unknown id (exit 1) and an unknown status (exit 2), writing nothing',
    withCliCopy(SEED, NAME, async (w) => {
      const r = await w.run(['set', '1.9', 'done']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^plan: progress_planning\.md: no task with id "1\.9"; did you mean .*1\.1/);
      const s = await w.run(['set', '1.2', 'finished-ish-maybe']);
      expect(s.code).toBe(2);
      expect(s.stderr).toMatch(/unknown status "finished-ish-maybe"/);
      const n = await w.run(['set', '1.2']);
      expect(n.code).toBe(2);
      expect(w.bytes().equals(readFileSync(SEED))).toBe(true);
    }),
  );
});

describe('ambiguous ids', () => {
  const text = readFileSync(new URL('../fixtures/two-sprints.md', import.meta.url), 'utf8');

  it('are refused with the candidates listed, and filter flags pick one', async () => {
    const w = cliWorkspace('two-sprints.md');
    try {
      const r = await w.run(['set', '3.1', 'done']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'plan: plan.md: id "3.1" matches 2 tasks; pick one with a filter flag:\n' +
          '  3.1 line 7: Old thing  (--sprint 8)\n' +
          '  3.1 line 14: New thing  (--sprint 9)\n',
      );
      expect(w.text()).toBe(text);
      ok(await w.run(['set', '3.1', 'done', '--sprint', '9']));
      expect(w.text()).toBe(replaceOnce(text, '| 3.1 | New thing | ⏳ Pending |', '| 3.1 | New thing | ✅ Done |'));
      ok(await w.run(['set', '3.1', 'wip', '--line', '7']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['| 3.1 | New thing | ⏳ Pending |', '| 3.1 | New thing | ✅ Done |'],
          ['| 3.1 | Old thing | ✅ Done |', '| 3.1 | Old thing | 🔄 In Progress |'],
        ]),
      );
    } finally {
      w.cleanup();
    }
  });
});
