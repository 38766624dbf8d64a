// Property: two sides changing different tasks (and each adding its own)
// always merge cleanly into exactly both changes, whatever the line endings;
// the same cell changed two ways is always one conflict around that row.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergePlans } from '../../src/merge/plans.js';

const STATUSES = ['⏳ Pending', '✅ Done', '🔄 In Progress', '⛔ Blocked'];
const opts = { labels: { ours: 'ours', base: 'base', theirs: 'theirs' }, markerSize: 7, diff3: false };

interface Row {
  status: number;
  owner: string;
}

const render = (rows: Row[], extra: string[], eol: string) =>
  [
    '# Plan',
    '',
    '| # | Task | Status | Owner |',
    '|---|---|---|---|',
    ...rows.map((r, i) => `| ${i + 1} | Task ${i + 1} | ${STATUSES[r.status]} | ${r.owner} |`),
    ...extra,
    '',
    'Notes.',
    '',
  ].join(eol);

const scenario = fc.record({
  rows: fc.array(fc.record({ status: fc.integer({ min: 0, max: 3 }), owner: fc.constantFrom('', 'Ana', 'Bo') }), { minLength: 2, maxLength: 10 }),
  split: fc.array(fc.constantFrom('ours', 'theirs', 'none'), { minLength: 10, maxLength: 10 }),
  change: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 10, maxLength: 10 }),
  addOurs: fc.boolean(),
  addTheirs: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
});

describe('merge properties', () => {
  it('changes to different tasks and adds on both sides merge cleanly into both', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const side = (who: string) =>
          s.rows.map((r, i) => (s.split[i] === who ? { ...r, status: (r.status + s.change[i]!) % 4, owner: who === 'ours' ? 'Cy' : r.owner } : r));
        const oursAdd = s.addOurs ? [`| 90 | Ours new | ⏳ Pending | Cy |`] : [];
        const theirsAdd = s.addTheirs ? [`| 91 | Theirs new | ✅ Done |  |`] : [];
        const base = render(s.rows, [], s.eol);
        const ours = render(side('ours'), oursAdd, s.eol);
        const theirs = render(side('theirs'), theirsAdd, s.eol);
        const merged = s.rows.map((r, i) => (s.split[i] === 'ours' ? side('ours')[i]! : s.split[i] === 'theirs' ? side('theirs')[i]! : r));
        const r = await mergePlans('/nonexistent/plan.md', Buffer.from(base), Buffer.from(ours), Buffer.from(theirs), opts);
        expect(r.conflicts).toBe(0);
        expect(r.bytes.toString('utf8')).toBe(render(merged, [...oursAdd, ...theirsAdd], s.eol));
      }),
      { numRuns: 40 },
    );
  });

  it('the same status cell changed two ways is one conflict, around that row only', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.nat(), async (s, pick) => {
        const k = pick % s.rows.length;
        const base = render(s.rows, [], s.eol);
        const set = (by: number) =>
          render(
            s.rows.map((r, i) => (i === k ? { ...r, status: (r.status + by) % 4 } : r)),
            [],
            s.eol,
          );
        const r = await mergePlans('/nonexistent/plan.md', Buffer.from(base), Buffer.from(set(1)), Buffer.from(set(2)), opts);
        expect(r.conflicts).toBe(1);
        const lines = r.bytes.toString('utf8').split(s.eol);
        const at = lines.indexOf('<<<<<<< ours');
        expect(at).toBe(4 + k);
        const row = `| ${k + 1} | Task ${k + 1} |`;
        expect(lines.slice(at, at + 5).map((l) => (l.startsWith(row) ? row : l.slice(0, 7)))).toEqual(['<<<<<<<', row, '=======', row, '>>>>>>>']);
      }),
      { numRuns: 25 },
    );
  });
});
