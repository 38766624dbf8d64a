// The per-task merge in process: parts of a task, conflicts, sequences of
// added tasks, and the later stamp.
import { describe, expect, it } from 'vitest';
import { mergePlans } from '../../src/merge/plans.js';
import { sequence } from '../../src/merge/assembly.js';
import { later } from '../../src/merge/dates.js';
import { partsOf, segmentsOf } from '../../src/merge/segments.js';
import { buildFromText } from '../../src/load.js';

const opts = { labels: { ours: 'ours', base: 'base', theirs: 'theirs' }, markerSize: 7, diff3: false };
const merge = async (o: string, a: string, b: string) => {
  const r = await mergePlans('/nonexistent/plan.md', Buffer.from(o), Buffer.from(a), Buffer.from(b), opts);
  return { text: r.bytes.toString('utf8'), conflicts: r.conflicts };
};
const HEAD = '| # | Task | Status | Owner | Notes |\n|---|---|---|---|---|\n';

describe('task segments and parts', () => {
  it('cut a row at its cells, padding kept apart, and a whole line with its ending', async () => {
    const text = `${HEAD}| 1 | Alpha  | ✅ Done | Ana |  |\r\n`;
    const plan = await buildFromText('/nonexistent/plan.md', text, false);
    const [seg] = segmentsOf(text, plan)!;
    expect(seg!.text).toBe('| 1 | Alpha  | ✅ Done | Ana |  |\r\n');
    expect(seg!.eol).toBe('\r\n');
    const parts = partsOf(seg!);
    expect(parts.join('')).toBe(seg!.text);
    expect(parts).toContain('Alpha');
    expect(parts).toContain('✅ Done');
    expect(parts.length % 4).toBe(3);
  });

  it('read any source generically: a span holding the others (a whole table) does not widen a task', async () => {
    const text = `${HEAD}| 1 | A | ⏳ Pending |  |  |\n| 2 | B | ⏳ Pending |  |  |\n`;
    const plan = await buildFromText('/nonexistent/plan.md', text, false);
    for (const t of plan.tasks) {
      const first = (t.source as { cells: { start: number }[] }).cells[0]!.start;
      Object.assign(t.source, { table: { start: 0, end: text.length }, marks: [{ start: first, end: first }] });
    }
    const segs = segmentsOf(text, plan)!;
    expect(segs.map((s) => s.text)).toEqual(['| 1 | A | ⏳ Pending |  |  |\n', '| 2 | B | ⏳ Pending |  |  |\n']);
  });
});

describe('mergePlans', () => {
  it('merges different cells of one row', async () => {
    const o = `${HEAD}| 1 | Alpha | ⏳ Pending |  |  |\n`;
    const r = await merge(o, `${HEAD}| 1 | Alpha | ✅ Done |  |  |\n`, `${HEAD}| 1 | Alpha | ⏳ Pending | Bo | note |\n`);
    expect(r).toEqual({ text: `${HEAD}| 1 | Alpha | ✅ Done | Bo | note |\n`, conflicts: 0 });
  });

  it('takes ours when both sides say the same status in other words', async () => {
    const o = `${HEAD}| 1 | Alpha | ⏳ Pending |  |  |\n`;
    const r = await merge(o, `${HEAD}| 1 | Alpha | ✅ Done |  |  |\n`, `${HEAD}| 1 | Alpha | ✅ Complete |  |  |\n`);
    expect(r).toEqual({ text: `${HEAD}| 1 | Alpha | ✅ Done |  |  |\n`, conflicts: 0 });
  });

  it('but a status cell that says more than its status is not the same on both sides', async () => {
    const o = `${HEAD}| 1 | Alpha | ⏳ Pending |  |  |\n`;
    const r = await merge(o, `${HEAD}| 1 | Alpha | ⏳ Pending - waiting on Bo |  |  |\n`, `${HEAD}| 1 | Alpha | ⏳ Pending (ok) |  |  |\n`);
    expect(r.conflicts).toBe(1);
  });

  it("in a conflict, each side carries the other side's changes to other cells", async () => {
    const o = `${HEAD}| 1 | Alpha | ⏳ Pending |  |  |\n`;
    const r = await merge(o, `${HEAD}| 1 | Alpha | ✅ Done | Ana |  |\n`, `${HEAD}| 1 | Alpha | ⛔ Blocked |  | why |\n`);
    expect(r.conflicts).toBe(1);
    expect(r.text).toBe(`${HEAD}<<<<<<< ours\n| 1 | Alpha | ✅ Done | Ana | why |\n=======\n| 1 | Alpha | ⛔ Blocked | Ana | why |\n>>>>>>> theirs\n`);
  });

  it('a column added on one side and a cell changed on the other conflict on that row only', async () => {
    const o = `| # | Task |\n|---|---|\n| 1 | A |\n| 2 | B |\n`;
    const a = `| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ Done |\n| 2 | B | ⏳ Pending |\n`;
    const b = `| # | Task |\n|---|---|\n| 1 | A |\n| 2 | B two |\n`;
    const r = await merge(o, a, b);
    expect(r.conflicts).toBe(1);
    expect(r.text).toBe(
      `| # | Task | Status |\n|---|---|---|\n| 1 | A | ✅ Done |\n<<<<<<< ours\n| 2 | B | ⏳ Pending |\n=======\n| 2 | B two |\n>>>>>>> theirs\n`,
    );
  });

  it('keeps a file without a final line ending as it is', async () => {
    const o = `${HEAD}| 1 | A | ⏳ Pending |  |  |\n| 2 | B | ⏳ Pending |  |  |`;
    const r = await merge(o, o.replace('| 1 | A | ⏳ Pending', '| 1 | A | ✅ Done'), o.replace('| 2 | B | ⏳ Pending', '| 2 | B | ✅ Done'));
    expect(r).toEqual({ text: `${HEAD}| 1 | A | ✅ Done |  |  |\n| 2 | B | ✅ Done |  |  |`, conflicts: 0 });
  });

  it('the same task added on both sides (same bytes) is kept once', async () => {
    const o = `${HEAD}| 1 | A | ⏳ Pending |  |  |\n`;
    const a = `${o}| 2 | B | ⏳ Pending |  |  |\n`;
    expect(await merge(o, a, a)).toEqual({ text: a, conflicts: 0 });
  });

  it("a file whose text holds what looks like git's markers merges by its tasks all the same", async () => {
    const o = `<<<<<<< not a conflict\n\n${HEAD}| 1 | A | ⏳ Pending |  |  |\n| 2 | B | ⏳ Pending |  |  |\n`;
    const r = await merge(o, o.replace('| 1 | A | ⏳ Pending', '| 1 | A | ✅ Done'), o.replace('| 2 | B | ⏳ Pending', '| 2 | B | ✅ Done'));
    expect(r.conflicts).toBe(0);
    expect(r.text).toBe(o.replace('| 1 | A | ⏳ Pending', '| 1 | A | ✅ Done').replace('| 2 | B | ⏳ Pending', '| 2 | B | ✅ Done'));
  });
});

describe('sequence (tasks added, moved and removed around one place)', () => {
  it('keeps ours, then theirs, after their neighbours', () => {
    expect(sequence(['a1'], [], ['b1'])).toEqual(['a1', 'b1']);
    expect(sequence(['o1', 'a1'], ['o1'], ['o1', 'b1', 'b2'])).toEqual(['o1', 'a1', 'b1', 'b2']);
    expect(sequence(['a1'], ['o1'], ['o1', 'b1'])).toEqual(['a1', 'b1']);
    expect(sequence(['o2', 'a1'], ['o1', 'o2'], ['b1', 'o2'])).toEqual(['b1', 'o2', 'a1']);
  });
});

describe('later', () => {
  it('compares dates written in the same format', () => {
    expect(later('2026-01-02', '2026-01-03')).toBe('2026-01-03');
    expect(later('2026/02/01', '2026/01/31')).toBe('2026/02/01');
    expect(later('2026-01-02T10:00:00Z', '2026-01-02T09:00:00Z')).toBe('2026-01-02T10:00:00Z');
  });
});
