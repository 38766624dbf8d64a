// Property: the merge never drops what a side wrote. For random plans (tables,
// checklists, prose, date stamps, setext headings; LF or CRLF) and random edits on both
// sides, every line either side added or changed is in the result (outside
// or between conflict markers), and exit 0 means no markers. The check is
// held to git's own line merge too, on the same inputs: git never drops a
// side, so the check must pass on its output (else the check is wrong).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffArrays } from 'diff';
import { mergeVersions } from '../../src/merge/plans.js';
import { mergeFile } from '../../src/merge/merge-file.js';

const opts = { labels: { ours: 'ours', base: 'base', theirs: 'theirs' }, markerSize: 7, diff3: false };

interface Row {
  id: string;
  title: string;
  status: string;
  owner: string;
}
type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'table'; rows: Row[] }
  | { kind: 'list'; items: { done: boolean; title: string }[] }
  | { kind: 'prose'; text: string }
  | { kind: 'stamp'; date: string }
  | { kind: 'setext'; text: string };

// Several statuses say "done" in other words: two sides agree only on equal bytes.
const STATUSES = ['⏳ Pending', '✅ Done', '✅ Complete', '✅ Done: 1', '✅ Done: -1', '🔄 In Progress', '⛔ Blocked'];
const DATES = ['2019-03-03', '2025-01-01', '2026-01-01', '2026-01-02'];

function render(blocks: Block[], eol: string): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`## ${b.text}`);
    else if (b.kind === 'table')
      out.push(['| # | Task | Status | Owner |', '|---|---|---|---|', ...b.rows.map((r) => `| ${r.id} | ${r.title} | ${r.status} | ${r.owner} |`)].join('\n'));
    else if (b.kind === 'list') out.push(b.items.map((i) => `- [${i.done ? 'x' : ' '}] ${i.title}`).join('\n'));
    else if (b.kind === 'prose') out.push(b.text);
    else if (b.kind === 'stamp') out.push(`Last Updated: ${b.date}`);
    else out.push(`${b.text}\n${'='.repeat(41)}`);
  }
  return `# Plan\n\n${out.join('\n\n')}\n`.replace(/\n/g, eol);
}

// A base plan: a few sections, each a heading and some blocks, with unique ids and titles.
const blockArb = fc.oneof(
  fc.record({ kind: fc.constant('table' as const), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('list' as const), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('prose' as const), n: fc.constant(0) }),
  fc.record({ kind: fc.constant('stamp' as const), n: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('setext' as const), n: fc.constant(0) }),
);
const planArb = fc.array(fc.array(blockArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

function basePlan(sections: { kind: string; n: number }[][]): Block[] {
  let k = 0;
  const blocks: Block[] = [];
  sections.forEach((sec, s) => {
    blocks.push({ kind: 'heading', text: `Sprint ${s + 1}` });
    for (const b of sec) {
      k++;
      if (b.kind === 'table')
        blocks.push({
          kind: 'table',
          rows: Array.from({ length: b.n }, (_, i) => ({ id: `${k}.${i + 1}`, title: `Task ${k}.${i + 1}`, status: STATUSES[(k + i) % 2]!, owner: '' })),
        });
      else if (b.kind === 'list') blocks.push({ kind: 'list', items: Array.from({ length: b.n }, (_, i) => ({ done: false, title: `Item ${k}.${i + 1}` })) });
      else if (b.kind === 'prose') blocks.push({ kind: 'prose', text: `Prose ${k}.` });
      else if (b.kind === 'stamp') blocks.push({ kind: 'stamp', date: DATES[b.n]! });
      else blocks.push({ kind: 'setext', text: `Part ${k}` });
    }
  });
  return blocks;
}

const OPS = ['status', 'owner', 'title', 'delete', 'insert', 'move', 'toggle', 'prose', 'addProse', 'dropBlock', 'stamp', 'addStamp', 'setext'] as const;
const editArb = fc.record({ op: fc.constantFrom(...OPS), a: fc.nat(), b: fc.nat(), c: fc.nat() });

/** Applies edits to a copy; fresh text is marked with the side's name, so it is unique. */
function edit(base: Block[], edits: { op: (typeof OPS)[number]; a: number; b: number; c: number }[], side: string): Block[] {
  const blocks: Block[] = structuredClone(base);
  let fresh = 0;
  const next = () => `${side}${++fresh}`;
  const pick = <T extends Block['kind']>(kind: T, n: number) => {
    const of = blocks.filter((b) => b.kind === kind) as Extract<Block, { kind: T }>[];
    return of.length ? of[n % of.length]! : undefined;
  };
  for (const e of edits) {
    const table = pick('table', e.a);
    const row = table?.rows.length ? table.rows[e.b % table.rows.length] : undefined;
    const list = pick('list', e.a);
    switch (e.op) {
      case 'status':
        if (row) row.status = STATUSES[e.c % STATUSES.length]!;
        break;
      case 'owner':
        if (row) row.owner = e.c % 2 ? next() : 'Ana';
        break;
      case 'title':
        if (row) row.title = `Task ${next()}`;
        break;
      case 'delete':
        if (table && row) table.rows.splice(table.rows.indexOf(row), 1);
        else if (list?.items.length) list.items.splice(e.b % list.items.length, 1);
        break;
      case 'insert':
        if (table)
          table.rows.splice(e.b % (table.rows.length + 1), 0, { id: next(), title: `New ${next()}`, status: STATUSES[e.c % STATUSES.length]!, owner: '' });
        else if (list) list.items.splice(e.b % (list.items.length + 1), 0, { done: e.c % 2 === 0, title: `New ${next()}` });
        break;
      case 'move': {
        const to = pick('table', e.c);
        if (table && row && to) {
          table.rows.splice(table.rows.indexOf(row), 1);
          to.rows.splice(e.c % (to.rows.length + 1), 0, row);
        }
        break;
      }
      case 'toggle':
        if (list?.items.length) list.items[e.b % list.items.length]!.done = !list.items[e.b % list.items.length]!.done;
        break;
      case 'prose': {
        const p = pick('prose', e.a);
        if (p) p.text = `Prose ${next()}.`;
        break;
      }
      case 'addProse':
        blocks.splice(1 + (e.a % blocks.length), 0, { kind: 'prose', text: `Prose ${next()}.` });
        break;
      case 'dropBlock':
        if (blocks.length > 1) blocks.splice(1 + (e.a % (blocks.length - 1)), 1);
        break;
      case 'stamp': {
        const s = pick('stamp', e.a);
        if (s) s.date = DATES[e.c % DATES.length]!;
        break;
      }
      case 'addStamp':
        blocks.splice(1 + (e.a % blocks.length), 0, { kind: 'stamp', date: DATES[e.c % DATES.length]! });
        break;
      case 'setext':
        blocks.splice(1 + (e.a % blocks.length), 0, { kind: 'setext', text: `Part ${next()}` });
        break;
    }
  }
  return blocks;
}

const cellsOf = (line: string) => (/^\| .* \|$/.test(line) ? line.slice(2, -2).split(' | ') : null);
const STAMP = /^Last Updated: (\S+)$/;

/**
 * What a side wrote and the result lacks: each line the side added or changed
 * (by a line diff from the base) must be in the result; a table row may be
 * there with the other side's changes to other cells merged in; a stamp line
 * both sides refreshed may be there with the other side's later date.
 */
function lost(base: string, side: string, other: string, result: string): string[] {
  const [b, s, o, r] = [base, side, other, result].map((t) => t.split(/\r?\n/)) as [string[], string[], string[], string[]];
  const inResult = new Set(r);
  const baseRows = new Map(b.flatMap((l) => (cellsOf(l) ? [[cellsOf(l)![0]!, cellsOf(l)!] as const] : [])));
  const missing: string[] = [];
  for (const change of changes(b, s)) {
    for (const line of change.added) {
      if (line.trim() === '' || inResult.has(line)) continue;
      const cells = cellsOf(line);
      const was = cells && baseRows.get(cells[0]!);
      if (cells && was && was.length === cells.length) {
        const changed = cells.flatMap((c, i) => (c !== was[i] ? [i] : []));
        if (r.some((l) => cellsOf(l)?.[0] === cells[0] && changed.every((i) => cellsOf(l)![i] === cells[i]))) continue;
        // A row this side left as it was, in its place, that the other side deleted: gone is right. The line
        // diff may call it added when another row moved past it; in place means in the longest common
        // sequence of row ids (the fewest rows moved), as a person reading the two tables would say.
        if (changed.length === 0 && !o.includes(line) && inPlace(b, s).has(cells[0]!)) continue;
      }
      const date = STAMP.exec(line)?.[1];
      const replaced = change.removed.find((l) => STAMP.test(l));
      if (date && replaced && !o.includes(replaced) && r.some((l) => (STAMP.exec(l)?.[1] ?? '') > date)) continue;
      missing.push(line);
    }
  }
  return missing;
}

/** Row ids of `side` that keep their order from `base`: the longest common subsequence of the two tables' ids. */
function inPlace(base: string[], side: string[]): Set<string> {
  const ids = (lines: string[]) => lines.flatMap((l) => (cellsOf(l) && !/^-+$/.test(cellsOf(l)![0]!) ? [cellsOf(l)![0]!] : []));
  const [a, b] = [ids(base), ids(side)];
  const len = a.map(() => new Array<number>(b.length + 1).fill(0));
  len.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) len[i]![j] = a[i] === b[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

function changes(from: string[], to: string[]): { removed: string[]; added: string[] }[] {
  const out: { removed: string[]; added: string[] }[] = [];
  let cur = { removed: [] as string[], added: [] as string[] };
  for (const part of diffArrays(from, to)) {
    if (part.added) cur.added.push(...part.value);
    else if (part.removed) cur.removed.push(...part.value);
    else {
      if (cur.added.length || cur.removed.length) out.push(cur);
      cur = { removed: [], added: [] };
    }
  }
  if (cur.added.length || cur.removed.length) out.push(cur);
  return out;
}

const RUNS = Number(process.env.RUNS ?? 200);
const hasMarkers = (text: string) => /^(<{7} |={7}\r?$|>{7} )/m.test(text);

// The property, over a random plan, random edits on each side and a line ending.
const noLoss = fc.asyncProperty(
  planArb,
  fc.array(editArb, { maxLength: 5 }),
  fc.array(editArb, { maxLength: 5 }),
  fc.constantFrom('\n', '\r\n'),
  async (plan, oursEdits, theirsEdits, eol) => {
    const blocks = basePlan(plan);
    const [base, ours, theirs] = [render(blocks, eol), render(edit(blocks, oursEdits, 'o'), eol), render(edit(blocks, theirsEdits, 't'), eol)];
    const bytes = [base, ours, theirs].map((t) => Buffer.from(t));
    const r = await mergeVersions('/nonexistent/plan.md', bytes[0]!, bytes[1]!, bytes[2]!, opts, () => {});
    const git = mergeFile(bytes[1]!, bytes[0]!, bytes[2]!, opts);
    for (const [name, out] of [
      ['git merge-file', git.bytes.toString('utf8')],
      ['plan merge-driver', r.bytes.toString('utf8')],
    ] as const) {
      expect(lost(base, ours, theirs, out), `${name}: ours' lines lost`).toEqual([]);
      expect(lost(base, theirs, ours, out), `${name}: theirs' lines lost`).toEqual([]);
    }
    expect(hasMarkers(r.bytes.toString('utf8'))).toBe(r.conflicts > 0);
  },
);

// Cases that once failed, replayed by fast-check's seed and path (SEED=<seed> SEED_PATH=<path> repeats another).
const FAILED = [
  // Ours swapped two rows, theirs deleted both: the driver dropped them with exit 0 (a move is a change: conflicts now).
  { seed: -1057314243, path: '23' },
];

describe('the merge never drops a side (random plans, random edits on both sides)', () => {
  it.each(FAILED)('seed $seed path $path (a case that once failed)', async ({ seed, path }) => {
    await fc.assert(noLoss, { seed, path, numRuns: 1, endOnFailure: true });
  });

  it(
    'every line either side added or changed is in the result; exit 0 only without markers; git merge-file held to the same check',
    async () => {
      // SEED (and SEED_PATH) fix the random runs, to repeat one; else each run draws new cases.
      const seed = process.env.SEED === undefined ? {} : { seed: Number(process.env.SEED), path: process.env.SEED_PATH };
      // About 0.08 s of CPU a case (two git processes); RUNS=2000 for a longer search.
      await fc.assert(noLoss, { numRuns: RUNS, endOnFailure: true, ...seed });
      // A generous bound for a loaded machine; on an idle one the 200 cases take under 20 s.
    },
    60_000 + RUNS * 1_000,
  );
});
