// Property: after any sequence of writes — plan's own (set, add, edit, claim,
// fix, undo), a merge driver's output, hand edits (same size, same mtime) —
// the model the cache serves for the file equals a fresh parse of its bytes.
// In-process, with a build id of the test's own so that the cache is on.
import { vi } from 'vitest';

vi.hoisted(() => {
  // The cache keys on the build; run from the sources there is none (see plan-cache.ts).
  (globalThis as Record<string, unknown>).__PLAN_BUILD__ = 'writers-property-test';
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFromText, loadPlan } from '../../src/load/load.js';
import { BUILD } from '../../src/cache/plan-cache.js';
import { decode } from '../../src/text/decode.js';
import { setStatusOp } from '../../src/actions/set.js';
import { addOp } from '../../src/actions/add.js';
import { editOp } from '../../src/actions/edit.js';
import { claimOp } from '../../src/actions/claim.js';
import { fix } from '../../src/commands/fix.js';
import { undo } from '../../src/commands/undo.js';
import type { Context } from '../../src/commands/context.js';
import { mergePlans } from '../../src/merge/plans.js';
import { PlanError, UsageError } from '../../src/system/errors.js';
import { FIXTURES, SEED } from '../helpers/run.js';

// section-owner.md: rows whose owner is their section's, and a table with one column for done; front-matter-todos.md:
// a to-do list in the front matter (its entries are tasks) above a checklist and a table.
const STARTS = [
  SEED,
  join(FIXTURES, 'checklist.md'),
  join(FIXTURES, 'two-sprints.md'),
  join(FIXTURES, 'crlf.md'),
  join(FIXTURES, 'section-owner.md'),
  join(FIXTURES, 'front-matter-todos.md'),
];
const STATUSES = ['done', 'wip', 'pending', 'blocked', 'todo', 'cancelled'];
const WORDS = ['Alpha', 'Beta task', 'Gamma | pipe', 'Déjà vu', '✅ Done', 'x'];

type Step =
  | { kind: 'set'; pick: number; status: string }
  | { kind: 'add'; title: string; status: string }
  | { kind: 'edit'; pick: number; role: 'title' | 'owner' | 'notes'; value: string }
  | { kind: 'claim'; owner: string }
  | { kind: 'fix' }
  | { kind: 'undo' }
  | { kind: 'merge'; pick: number; status: string }
  | { kind: 'hand'; how: 'damage' | 'swap-status' | 'append' | 'drop-line'; pick: number };

const pick = fc.nat(1000);
const word = fc.constantFrom(...WORDS);
const status = fc.constantFrom(...STATUSES);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick, status }),
  fc.record({ kind: fc.constant('add' as const), title: word, status }),
  fc.record({ kind: fc.constant('edit' as const), pick, role: fc.constantFrom('title' as const, 'owner' as const, 'notes' as const), value: word }),
  fc.record({ kind: fc.constant('claim' as const), owner: fc.constantFrom('Ana', 'Bo') }),
  // A fix or an undo changes the whole file's reading (its damage): often, so that they follow each other.
  { arbitrary: fc.record({ kind: fc.constant('fix' as const) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('undo' as const) }), weight: 4 },
  fc.record({ kind: fc.constant('merge' as const), pick, status }),
  fc.record({
    kind: fc.constant('hand' as const),
    how: fc.constantFrom('damage' as const, 'swap-status' as const, 'append' as const, 'drop-line' as const),
    pick,
  }),
);

const quiet: Context = { opts: {}, mode: 'plain', width: 80, out: () => {}, err: () => {} };

async function fresh(path: string) {
  const { text, escaped } = decode(readFileSync(path));
  return buildFromText(path, text, escaped);
}

async function ids(path: string): Promise<string[]> {
  return (await fresh(path)).tasks.map((t) => t.id);
}

/** Damage: text as a Mac Roman reader shows UTF-8 (what `plan fix` repairs). */
function damage(text: string): string {
  return text.replace(/✅|⏳|—/, (m) =>
    Buffer.from(m, 'utf8')
      .toString('latin1')
      .replace(/\u00e2\u009c\u0085/, '‚úÖ'),
  );
}

/** A hand edit that keeps the size and the modification time where it can (a cache keyed on them would be fooled). */
function handEdit(path: string, how: Extract<Step, { kind: 'hand' }>['how'], n: number): void {
  const before = statSync(path);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  let next = text;
  if (how === 'damage') next = damage(text);
  else if (how === 'swap-status') {
    const swaps: [RegExp, string][] = [
      [/✅ Complete/, '⏳ Pendin2'],
      [/\[x\]/, '[ ]'],
      [/\[ \]/, '[x]'],
      [/⏳/, '✅'],
    ];
    const [re, to] = swaps[n % swaps.length]!;
    next = text.replace(re, to);
  } else if (how === 'append') next = `${text}${text.endsWith('\n') ? '' : '\n'}- [ ] Handwritten ${n}\n`;
  else if (lines.length > 3) next = lines.filter((_, i) => i !== n % lines.length).join('\n');
  writeFileSync(path, next);
  utimesSync(path, before.atime, before.mtime);
}

async function run(path: string, s: Step, history: Buffer[]): Promise<void> {
  const opts = { touch: s.kind === 'add' };
  const tasks = await ids(path);
  const taskId = tasks.length ? tasks[('pick' in s ? s.pick : 0) % tasks.length]! : '1';
  switch (s.kind) {
    case 'set':
      await setStatusOp(path, taskId, s.status, {}, opts);
      break;
    case 'add':
      await addOp(path, { title: s.title, status: s.status }, opts);
      break;
    case 'edit':
      await editOp(path, taskId, { [s.role]: s.value }, {}, opts);
      break;
    case 'claim':
      await claimOp(path, s.owner, {}, opts);
      break;
    case 'fix':
      await fix(quiet, opts);
      break;
    case 'undo':
      await undo(quiet, opts);
      break;
    case 'merge': {
      // git hands the driver base, ours and theirs, and writes its output over the file.
      const base = history[Math.max(0, history.length - 1 - (s.pick % 3))]!;
      const ours = readFileSync(path);
      writeFileSync(path, base);
      try {
        await setStatusOp(path, taskId, s.status, {}, { touch: false });
      } catch (e) {
        if (!(e instanceof PlanError || e instanceof UsageError)) throw e;
      }
      const theirs = readFileSync(path);
      const merged = await mergePlans(path, base, ours, theirs, { labels: { ours: 'ours', base: 'base', theirs: 'theirs' }, markerSize: 7, diff3: false });
      writeFileSync(path, merged.bytes);
      break;
    }
    case 'hand':
      handEdit(path, s.how, s.pick);
      break;
  }
}

describe('the cached model after any sequence of writes', () => {
  it('equals a fresh parse of the same bytes after every step', async () => {
    expect(BUILD).toBe('writers-property-test');
    const dir = mkdtempSync(join(tmpdir(), 'plan-writers-'));
    const saved = { cache: process.env.PLAN_CACHE_DIR, file: process.env.PLAN_FILE, epoch: process.env.SOURCE_DATE_EPOCH };
    process.env.PLAN_CACHE_DIR = join(dir, 'cache');
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    try {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...STARTS), fc.array(step, { minLength: 1, maxLength: 8 }), async (start, steps) => {
          const path = join(dir, `plan-${n++}.md`);
          process.env.PLAN_FILE = path;
          writeFileSync(path, readFileSync(start));
          await loadPlan(path); // warm: the cache holds the first model
          const history = [readFileSync(path)];
          for (const s of steps) {
            try {
              await run(path, s, history);
            } catch (e) {
              if (!(e instanceof PlanError || e instanceof UsageError)) throw e; // a refusal is fine
            }
            history.push(readFileSync(path));
            const cached = (await loadPlan(path)).plan;
            expect({ ...cached, file: path }, `after ${JSON.stringify(s)}`).toEqual({ ...(await fresh(path)), file: path });
          }
          rmSync(path);
        }),
        { numRuns: 60, seed: Number(process.env.PLAN_PROPERTY_SEED) || undefined },
      );
    } finally {
      for (const [k, v] of [
        ['PLAN_CACHE_DIR', saved.cache],
        ['PLAN_FILE', saved.file],
        ['SOURCE_DATE_EPOCH', saved.epoch],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('is right after `plan fix` then `plan undo` on the seed (the bytes back, the statuses with them)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-fix-undo-'));
    const saved = { cache: process.env.PLAN_CACHE_DIR, file: process.env.PLAN_FILE };
    process.env.PLAN_CACHE_DIR = join(dir, 'cache');
    const path = join(dir, 'plan.md');
    process.env.PLAN_FILE = path;
    try {
      writeFileSync(path, readFileSync(SEED));
      const first = (await loadPlan(path)).plan.tasks.map((t) => t.status);
      await fix(quiet, {});
      await undo(quiet, {});
      expect(readFileSync(path).equals(readFileSync(SEED))).toBe(true);
      expect((await loadPlan(path)).plan.tasks.map((t) => t.status)).toEqual(first);
    } finally {
      if (saved.cache === undefined) delete process.env.PLAN_CACHE_DIR;
      else process.env.PLAN_CACHE_DIR = saved.cache;
      if (saved.file === undefined) delete process.env.PLAN_FILE;
      else process.env.PLAN_FILE = saved.file;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
