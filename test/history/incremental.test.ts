// The history's fast path (a version read from the one before it when only
// statuses or owners changed) against a whole parse of every version: random
// edits of synthetic plans, chained as `plan log` chains them, and the log and
// burndown of a synthetic repository computed both ways.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { buildFromText, repairFor } from '../../src/load/load.js';
import { changesFrom, lineEdits, nextVersion } from '../../src/history/incremental.js';
import { snapshotOf, snapshotTask } from '../../src/history/snapshot.js';
import type { Plan } from '../../src/model/types.js';
import { genPlan } from '../helpers/gen.js';
import { importHistory, makeRepo } from '../helpers/git.js';

const MIXED = [
  '# Mixed',
  '',
  'Last updated: 2026-01-02',
  '',
  '## Sprint 1',
  '',
  '| ID | Task | Status | Owner | Depends |',
  '|----|------|--------|-------|---------|',
  '| A-1 | Alpha | ✅ Done | Ana | |',
  '| A-2 | Beta | ⏳ Pending | | A-1 |',
  '| A-3 | Gamma | 🔄 In Progress | Bo | A-2 |',
  '',
  'ID | Task | Status',
  '---|------|-------',
  'B-1 | No pipes | pending',
  'B-2 | Still none | done',
  '',
  '### Week 2',
  '',
  '- [ ] Item one',
  '- [x] Item two',
  '  - [ ] Nested three',
  '- ⏳ Emoji item',
  '',
  '## Done section ✅',
  '',
  '| Week | Focus | Status |',
  '|------|-------|--------|',
  '| W1 | Setup | ✅ |',
  '| W2 | Build | ⏳ |',
  '',
  '| Task | State | Who |',
  '|---|---|---|',
  '| Ledger-ish | blocked | Cy |',
  '| Other | cancelled | |',
  '| Total | 2 | |',
  '',
].join('\n');

const STATUS_WORDS = [
  '✅ Complete',
  '🔄 In Progress',
  '⏳ Pending',
  '❌ Blocked',
  'Done',
  'done',
  'WIP',
  '',
  'maybe',
  'N/A',
  '~~cancelled~~',
  '[x]',
  '✅',
  '⏳',
  'Total',
];
const OWNERS = ['Ana', 'Bo', '', 'Any Agent', '@cy', '—'];
const CHARS = ['|', '\\', '`', '#', '-', ' ', 'x', '🔄', '[ ]', '**'];

function rng(seed: number) {
  let state = seed >>> 0 || 1;
  return () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

/** One random change to a random line: mostly a cell rewritten, sometimes a character, a checkbox, a line added or removed. */
function mutate(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const i = Math.floor(rand() * lines.length);
  const line = lines[i]!;
  const r = rand();
  const known = STATUS_WORDS.slice(0, 7);
  const flip = lines.findIndex((l, j) => j >= i && known.some((w) => l.includes(`| ${w} |`)));
  if (r < 0.6 && flip !== -1) {
    // What most commits do: a status word for another, or an owner for another.
    const from = known.find((w) => lines[flip]!.includes(`| ${w} |`))!;
    const owner = OWNERS.find((o) => o && lines[flip]!.includes(`| ${o} |`));
    lines[flip] =
      owner && rand() < 0.3 ? lines[flip]!.replace(`| ${owner} |`, `| ${pick(OWNERS)} |`) : lines[flip]!.replace(`| ${from} |`, `| ${pick(known)} |`);
  } else if (r < 0.75 && line.includes('|')) {
    const cells = line.split('|');
    const k = Math.floor(rand() * cells.length);
    cells[k] = ` ${pick(rand() < 0.7 ? STATUS_WORDS : OWNERS)} `;
    lines[i] = cells.join('|');
  } else if (r < 0.85) {
    const at = Math.floor(rand() * (line.length + 1));
    lines[i] = line.slice(0, at) + pick(CHARS) + line.slice(at);
  } else if (r < 0.92) {
    lines[i] = line.includes('[ ]') ? line.replace('[ ]', '[x]') : line.replace('[x]', '[ ]');
  } else if (r < 0.96) {
    lines.splice(i, 1);
  } else {
    lines.splice(i, 0, line);
  }
  return lines.join('\n');
}

/** What history keeps of a model, and where its tasks are (what the next step is read from). */
const reading = (p: Plan) => ({ snapshot: snapshotOf(p), tasks: p.tasks });

/** Chains `steps` random versions; returns how many the fast path read. */
async function chain(start: string, seed: number, steps: number): Promise<number> {
  const rand = rng(seed);
  let text = start;
  let plan = await buildFromText('/nonexistent/plan.md', text, false);
  let fast = 0;
  for (let s = 0; s < steps; s++) {
    let next = text;
    const n = rand() < 0.7 ? 1 : 2;
    for (let k = 0; k < n; k++) next = mutate(next, rand);
    const stepped = nextVersion(plan, text, next, await repairFor(next));
    const full = await buildFromText('/nonexistent/plan.md', next, false);
    if (stepped) {
      fast++;
      expect(reading(stepped.plan), `seed ${seed}, step ${s}`).toEqual(reading(full));
    }
    text = next;
    plan = stepped?.plan ?? full;
  }
  return fast;
}

/** A status or owner of a random row changed, as most commits do. */
function flip(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const known = STATUS_WORDS.slice(0, 7);
  const rows = lines.flatMap((l, i) => (known.some((w) => l.includes(`| ${w} |`)) ? [i] : []));
  if (rows.length === 0) return text;
  const i = rows[Math.floor(rand() * rows.length)]!;
  const from = known.find((w) => lines[i]!.includes(`| ${w} |`))!;
  const owner = OWNERS.find((o) => o && lines[i]!.includes(`| ${o} |`));
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  lines[i] = owner && rand() < 0.3 ? lines[i]!.replace(`| ${owner} |`, `| ${pick(OWNERS)} |`) : lines[i]!.replace(`| ${from} |`, `| ${pick(known)} |`);
  return lines.join('\n');
}

/**
 * Reads `steps` random versions each from a base version many edits before it (as
 * the history reader does until it moves its base), the base read anew when that
 * fails; returns how many were read from a base.
 */
async function fromBase(start: string, seed: number, steps: number): Promise<number> {
  const rand = rng(seed);
  let baseText = start;
  let base = await buildFromText('/nonexistent/plan.md', start, false);
  let text = start;
  let fast = 0;
  for (let s = 0; s < steps; s++) {
    text = rand() < 0.85 ? flip(text, rand) : mutate(text, rand);
    const changed = changesFrom(base, baseText, text, await repairFor(baseText));
    const full = await buildFromText('/nonexistent/plan.md', text, false);
    if (!changed) {
      [base, baseText] = [full, text];
      continue;
    }
    fast++;
    const tasks = base.tasks.map((t) => snapshotTask(t));
    for (const [i, t] of changed) tasks[i] = snapshotTask(t);
    expect({ tasks, lines: base.tasks.map((t) => t.line) }, `seed ${seed}, step ${s}`).toEqual(snapshotOf(full));
  }
  return fast;
}

describe('a version read from the one before', () => {
  it('equals a whole parse when read from a base many edits before it', async () => {
    let fast = 0;
    for (let seed = 1; seed <= 2; seed++) fast += await fromBase(genPlan(100, seed), seed * 5, 25);
    for (let seed = 1; seed <= 3; seed++) fast += await fromBase(MIXED, seed * 3, 12);
    expect(fast).toBeGreaterThan(30);
  });

  it('equals a whole parse over random edits of a generated plan', async () => {
    let fast = 0;
    for (let seed = 1; seed <= 2; seed++) fast += await chain(genPlan(100, seed), seed, 40);
    expect(fast).toBeGreaterThan(25);
  });

  it('equals a whole parse over random edits of a plan with items, headings, week and pipe-less tables', async () => {
    let fast = 0;
    for (let seed = 1; seed <= 8; seed++) fast += await chain(MIXED, seed * 7, 25);
    expect(fast).toBeGreaterThan(10);
  });

  it('takes a status flip and an owner change, and leaves anything else to a whole parse', async () => {
    const text = genPlan(20, 4);
    const plan = await buildFromText('/nonexistent/plan.md', text, false);
    const row = text.split('\n').findIndex((l) => l.startsWith('| 1.3 |'));
    const swap = (f: (cells: string[]) => void) => {
      const lines = text.split('\n');
      const cells = lines[row]!.split('|');
      f(cells);
      lines[row] = cells.join('|');
      return lines.join('\n');
    };
    const id = (s: string) => s;
    expect(
      nextVersion(
        plan,
        text,
        swap((c) => (c[4] = c[4]!.includes('Pending') ? ' ✅ Complete ' : ' ⏳ Pending ')),
        id,
      ),
    ).not.toBeNull();
    expect(
      nextVersion(
        plan,
        text,
        swap((c) => (c[3] = ' Zed ')),
        id,
      ),
    ).not.toBeNull();
    expect(
      nextVersion(
        plan,
        text,
        swap((c) => (c[2] = ' renamed ')),
        id,
      ),
    ).toBeNull();
    expect(
      nextVersion(
        plan,
        text,
        swap((c) => (c[4] = ' not a status ')),
        id,
      ),
    ).toBeNull();
    expect(nextVersion(plan, text, `${text}\nmore\n`, id)).toBeNull();
    expect(nextVersion(plan, text, text, id)).toBeNull();
  });

  it('cuts each changed line to its changed middle, never between the halves of a surrogate pair', () => {
    expect(lineEdits('a\n| 🔄 x |\nb', 'a\n| 🔁 x |\nb')).toEqual([{ start: 4, end: 6, expect: '🔄', text: '🔁' }]);
    expect(lineEdits('abc\nd', 'aXc\nd')).toEqual([{ start: 1, end: 2, expect: 'b', text: 'X' }]);
    expect(lineEdits('abc\nd', 'abc')).toBeNull();
  });
});

/** The log and burndown of `file`, and the same with every version parsed whole (how many versions the fast path was asked for). */
async function bothWays(file: string, by: 'sprint' | 'week') {
  const both = async () => {
    const [{ planLog }, { burndown }] = await Promise.all([import('../../src/history/log.js'), import('../../src/history/burndown.js')]);
    return { log: await planLog(file, 'PLAN.md'), burn: await burndown(file, 'PLAN.md', {}, by) };
  };
  const fast = await both();
  vi.resetModules();
  let asked = 0;
  vi.doMock('../../src/history/incremental.js', () => ({
    changesAndEdits: () => {
      asked++;
      return null;
    },
    changesFrom: () => null,
    nextVersion: () => null,
  }));
  const whole = await both();
  vi.doUnmock('../../src/history/incremental.js');
  vi.resetModules();
  return { fast, whole, asked };
}

describe('plan log and burndown read through the fast path', () => {
  const repo = makeRepo();
  afterAll(() => repo.cleanup());

  /** A row added, removed, moved or given a new id, or else (most commits) a status or owner changed. */
  function commitEdit(text: string, rand: () => number, k: number): string {
    const lines = text.split('\n');
    const rows = lines.flatMap((l, i) => (/^\| \d+\.\d+ \|/.test(l) ? [i] : []));
    const at = rows[Math.floor(rand() * rows.length)]!;
    const r = rand();
    if (r < 0.08) lines.splice(at, 0, `| 9.${k} | added task ${k} | Bo | ⏳ Pending | note |`);
    else if (r < 0.16) lines.splice(at, 1);
    else if (r < 0.24) lines.splice(rows[Math.floor(rand() * rows.length)]!, 0, ...lines.splice(at, 1));
    else if (r < 0.32) lines[at] = lines[at]!.replace(/^\| (\d+)\.(\d+) \|/, `| $1.$2${k} |`);
    else return flip(text, rand);
    return lines.join('\n');
  }

  it('give what a whole parse of every version gives, over rows added, removed, moved and renamed among status changes', async () => {
    const rand = rng(23);
    const texts = [genPlan(150, 9)];
    for (let k = 1; k < 60; k++) texts.push(commitEdit(texts[k - 1]!, rand, k));
    const other = makeRepo();
    try {
      importHistory(other, 'PLAN.md', texts);
      const { fast, whole } = await bothWays(join(other.dir, 'PLAN.md'), 'week');
      const kinds = new Set(fast.log.flatMap((c) => c.changes.map((x) => x.kind)));
      expect([...kinds].sort()).toEqual(['added', 'owner', 'removed', 'status']);
      expect(fast).toEqual(whole);
    } finally {
      other.cleanup();
    }
  });

  it('give what a whole parse of every version gives, on a repository of random edits', async () => {
    const rand = rng(11);
    const texts = [genPlan(100, 5)];
    for (let k = 1; k < 30; k++) texts.push(mutate(mutate(texts[k - 1]!, rand), rand));
    importHistory(repo, 'PLAN.md', texts);
    const { fast, whole, asked } = await bothWays(join(repo.dir, 'PLAN.md'), 'sprint');
    expect(fast.log.length).toBe(30);
    expect(asked).toBeGreaterThan(0);
    expect(fast).toEqual(whole);
  });
});
