// The per-task merge in process: parts of a task, conflicts, sequences of
// added tasks, and the later stamp.
import { describe, expect, it } from 'vitest';
import { mergePlans } from '../../src/merge/plans.js';
import { sequence } from '../../src/merge/assembly.js';
import { later } from '../../src/merge/dates.js';
import { mergeFile } from '../../src/merge/merge-file.js';
import { partsOf, segmentsOf } from '../../src/merge/segments.js';
import { buildFromText } from '../../src/load/load.js';

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

  it('two sides agree on a cell only when its bytes agree: the same status in other words is a conflict', async () => {
    const o = `${HEAD}| 1 | Alpha | ⏳ Pending |  |  |\n`;
    const cells = [
      ['✅ Done', '✅ Complete'],
      ['✅ Done — see [PR](https://x.test/pr/12)', '✅ Done — see [PR](https://x.test/pr/99)'],
      ['✅ Done: 1', '✅ Done: -1'],
      ['⏳ Pending - waiting on Bo', '⏳ Pending (ok)'],
    ];
    for (const [mine, yours] of cells) {
      const r = await merge(o, `${HEAD}| 1 | Alpha | ${mine} |  |  |\n`, `${HEAD}| 1 | Alpha | ${yours} |  |  |\n`);
      expect(r.text).toBe(`${HEAD}<<<<<<< ours\n| 1 | Alpha | ${mine} |  |  |\n=======\n| 1 | Alpha | ${yours} |  |  |\n>>>>>>> theirs\n`);
      expect(r.conflicts).toBe(1);
    }
  });

  it('padding changed both ways is not a conflict (ours kept)', async () => {
    const o = `${HEAD}| 1 | Alpha | ⏳ Pending |  |  |\n`;
    const r = await merge(o, `${HEAD}| 1 | Alpha |  ⏳ Pending |  |  |\n`, `${HEAD}| 1 | Alpha |   ⏳ Pending |  |  |\n`);
    expect(r).toEqual({ text: `${HEAD}| 1 | Alpha |  ⏳ Pending |  |  |\n`, conflicts: 0 });
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

describe('nothing either side wrote is lost', () => {
  it('a task deleted on ours, edited and moved down on theirs, beside a conflicting line: theirs kept in a conflict', async () => {
    const o = '# P\n\n- [ ] A\n\nx\n\n- [ ] B\n\n- [ ] C\n\n- [ ] D\n';
    const a = '# P\n\n- [ ] A\n\nx ours\n\n- [ ] C\n\n- [ ] D\n';
    const b = '# P\n\n- [ ] A\n\nx theirs\n\n- [ ] C\n\n- [ ] D\n\n- [x] B\n';
    const r = await merge(o, a, b);
    expect(r.conflicts).toBe(2);
    expect(r.text).toBe(
      '# P\n\n- [ ] A\n\n<<<<<<< ours\nx ours\n=======\nx theirs\n>>>>>>> theirs\n\n- [ ] C\n\n- [ ] D\n\n<<<<<<< ours\n=======\n- [x] B\n>>>>>>> theirs\n',
    );
  });

  it('a task moved to another table on one side and deleted on the other is a conflict (a move is a change)', async () => {
    const H = '| # | Task | Status |\n|---|---|---|\n';
    const o = `## Sprint 1\n\n${H}| 1 | A | ⏳ Pending |\n| 2 | B | ⏳ Pending |\n\n## Sprint 2\n\n${H}| 3 | C | ⏳ Pending |\n`;
    const a = `## Sprint 1\n\n${H}| 1 | A | ⏳ Pending |\n\n## Sprint 2\n\n${H}| 3 | C | ⏳ Pending |\n| 2 | B | ⏳ Pending |\n`;
    const b = `## Sprint 1\n\n${H}| 1 | A | ⏳ Pending |\n\n## Sprint 2\n\n${H}| 3 | C | ⏳ Pending |\n`;
    for (const [mine, yours, moved] of [
      [a, b, '<<<<<<< ours\n| 2 | B | ⏳ Pending |\n=======\n>>>>>>> theirs\n'],
      [b, a, '<<<<<<< ours\n=======\n| 2 | B | ⏳ Pending |\n>>>>>>> theirs\n'],
    ]) {
      const r = await merge(o, mine!, yours!);
      expect(r.text).toBe(b + moved);
      expect(r.conflicts).toBe(1);
    }
    // Deleted on one side, left in place on the other: deleted, no conflict.
    expect(await merge(o, o, b)).toEqual({ text: b, conflicts: 0 });
  });

  it('rows one side reordered and the other deleted, in one hunk, are conflicts: the moved rows, on the side that moved them', async () => {
    // Property-test seed -1057314243: ours swapped 3.2 and 3.3, theirs deleted both; the driver dropped them with exit 0.
    const H = '| # | Task | Status |\n|---|---|---|\n';
    const row = (n: number) => `| ${n} | T${n} | ⏳ Pending |\n`;
    const table = (...ns: number[]) => `# P\n\n${H}${ns.map(row).join('')}\n## End\n`;
    const o = table(1, 2, 3);
    const swapped = table(1, 3, 2);
    const deleted = table(1);
    const conflict = (mine: string, yours: string) => `<<<<<<< ours\n${mine}=======\n${yours}>>>>>>> theirs\n`;
    // A swap: either row may be the one that moved, so both are kept.
    const both = table(1).replace('\n\n## End', `\n${conflict(row(3), '')}${conflict(row(2), '')}\n## End`);
    expect(await merge(o, swapped, deleted)).toEqual({ text: both, conflicts: 2 });
    const theirs = table(1).replace('\n\n## End', `\n${conflict('', row(3))}${conflict('', row(2))}\n## End`);
    expect(await merge(o, deleted, swapped)).toEqual({ text: theirs, conflicts: 2 });
    // One row moved past the others: only it is kept; the rows left in their order are rightly gone.
    const one = table(1).replace('\n\n## End', `\n${conflict(row(4), '')}\n## End`);
    expect(await merge(table(1, 2, 3, 4), table(1, 4, 2, 3), deleted)).toEqual({ text: one, conflicts: 1 });
  });

  it('a date stamp added in another section keeps its own date (stamps are never paired by position)', async () => {
    const o = '# P\n\nLast Updated: 2025-01-01\n\n- [ ] A\n\n## S\n\ntext\n';
    const a = '# P\n\n- [ ] A\n\n## S\n\nLast Updated: 2019-03-03\ntext\n';
    const b = '# P\n\nLast Updated: 2026-01-01\n\n- [ ] A\n\n## S\n\ntext\n';
    const r = await mergePlans('/nonexistent/plan.md', Buffer.from(o), Buffer.from(a), Buffer.from(b), opts);
    // No task changed: exactly git's line merge, each side's date where that side wrote it.
    const git = mergeFile(Buffer.from(a), Buffer.from(o), Buffer.from(b), opts);
    expect(r.bytes.toString('utf8')).toBe(git.bytes.toString('utf8'));
    expect(r.bytes.toString('utf8')).toContain('\nLast Updated: 2019-03-03\n');
    expect(r.conflicts).toBe(1);
  });

  it('the same stamp refreshed on both sides takes the later date', async () => {
    const o = '# P\n\nLast Updated: 2025-01-01\n\n- [ ] A\n- [ ] B\n';
    const a = '# P\n\nLast Updated: 2026-01-02\n\n- [x] A\n- [ ] B\n';
    const b = '# P\n\nLast Updated: 2026-01-03\n\n- [ ] A\n- [x] B\n';
    const want = '# P\n\nLast Updated: 2026-01-03\n\n- [x] A\n- [x] B\n';
    expect(await merge(o, a, b)).toEqual({ text: want, conflicts: 0 });
  });

  it('a stamp line is refreshed only where a side replaced it with a later date: an added stamp or a date set back keeps its bytes', async () => {
    const o = '# P\n\n## S\n\nLast Updated: 2025-01-01\n\n- [ ] A\n';
    const cases = [
      // Ours adds a stamp above and keeps the old one; theirs changes the old one.
      ['# P\n\n## S\n\nLast Updated: 2026-01-01\n\nLast Updated: 2025-01-01\n\n- [ ] A\n', '# P\n\n## S\n\nLast Updated: 2026-01-02\n\n- [ ] A\n'],
      // Theirs sets the date back: an edit, not a refresh.
      ['# P\n\n## S\n\nLast Updated: 2026-01-01\n\n- [ ] A\n', '# P\n\n## S\n\nLast Updated: 2019-03-03\n\n- [ ] A\n'],
    ];
    for (const [a, b] of cases) {
      const r = await merge(o, a!, b!);
      const written = [a!, b!].flatMap((t) => t.split('\n').filter((l) => l.startsWith('Last Updated') && !o.includes(l)));
      for (const line of written) expect(r.text.split('\n'), line).toContain(line);
      expect(r.conflicts).toBe(1);
    }
  });

  it("a line of the inner marker's length in the base of a conflict is not taken for its separator", async () => {
    for (const n of [7, 41, 42]) {
      const bar = '='.repeat(n);
      const o = `# P\n\n- [ ] A\n\nTitle\n${bar}\nbody\n`;
      const a = '# P\n\n- [ ] A\n\nTitle ours\nbody ours\n';
      const b = `# P\n\n- [ ] A\n\nTitle theirs\n${bar}\nbody theirs\n`;
      const r = await mergePlans('/nonexistent/plan.md', Buffer.from(o), Buffer.from(a), Buffer.from(b), { ...opts, diff3: true });
      const git = mergeFile(Buffer.from(a), Buffer.from(o), Buffer.from(b), { ...opts, diff3: true });
      expect(r.bytes.toString('utf8')).toBe(git.bytes.toString('utf8'));
      expect(r.conflicts).toBe(1);
    }
  });
});

describe('sequence (tasks added, moved and removed around one place)', () => {
  it('keeps ours, then theirs, after their neighbours', () => {
    expect(sequence(['a1'], [], ['b1'])).toEqual(['a1', 'b1']);
    expect(sequence(['o1', 'a1'], ['o1'], ['o1', 'b1', 'b2'])).toEqual(['o1', 'a1', 'b1', 'b2']);
    expect(sequence(['a1'], ['o1'], ['o1', 'b1'])).toEqual(['a1', 'b1']);
    expect(sequence(['o2', 'a1'], ['o1', 'o2'], ['b1', 'o2'])).toEqual(['b1', 'o2', 'a1']);
    // Moved on one side, deleted on the other: kept (the assembly makes each a conflict).
    expect(sequence(['o1', 'o3', 'o2'], ['o1', 'o2', 'o3'], ['o1'])).toEqual(['o1', 'o3', 'o2']);
    expect(sequence(['o1'], ['o1', 'o2', 'o3'], ['o1', 'o3', 'o2'])).toEqual(['o1', 'o3', 'o2']);
    expect(sequence(['o1'], ['o1', 'o2', 'o3', 'o4'], ['o1', 'o4', 'o2', 'o3'])).toEqual(['o1', 'o4']);
    // o4 up or o2 down: either may be the move, so both stay (o3, left in place by ours, is gone).
    expect(sequence(['o1', 'o3'], ['o1', 'o2', 'o3', 'o4'], ['o1', 'o4', 'o2'])).toEqual(['o1', 'o4', 'o2']);
  });
});

describe('later', () => {
  it('compares dates written in the same format', () => {
    expect(later('2026-01-02', '2026-01-03')).toBe('2026-01-03');
    expect(later('2026/02/01', '2026/01/31')).toBe('2026/02/01');
    expect(later('2026-01-02T10:00:00Z', '2026-01-02T09:00:00Z')).toBe('2026-01-02T10:00:00Z');
  });
});
