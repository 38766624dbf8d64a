// The model plan keeps after its own edits equals a fresh parse of the new text.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { editEffect, planAfterEdits } from '../../src/cache/update.js';
import { compact, expand, updateCompact } from '../../src/cache/compact.js';
import { applyEdits, type Edit } from '../../src/write/splice.js';
import { stampEdits } from '../../src/write/stamps.js';
import { cellEdit, makeEditContext, setStatusEdits } from '../../src/write/task-edits.js';
import { StatusMemory } from '../../src/write/memory.js';
import { repairMojibake } from '../../src/text/mojibake.js';
import { mayHaveMojibake } from '../../src/text/mojibake-check.js';
import { genPlan } from '../helpers/gen.js';
import { CORPUS, FIXTURES, SEED } from '../helpers/run.js';
import { expectSamePlan, otherStatus, planOf } from '../helpers/inproc.js';

async function check(text: string, name: string): Promise<number> {
  const plan = await planOf(text);
  const damaged = mayHaveMojibake(text);
  const repair = damaged ? repairMojibake : (s: string) => s;
  let compared = 0;
  // The compact form of the plan before the edit, made once: each edit updates a copy of its own.
  const compacted = JSON.stringify(compact(plan));
  // Every row task (at most 40, spread over the file), by turns: a status, an owner, notes.
  const rows = plan.tasks.map((t, i) => [t, i] as const).filter(([t]) => t.source.type === 'row');
  const step = Math.max(1, Math.floor(rows.length / 40));
  for (let k = 0; k < rows.length; k += step) {
    const [task] = rows[k]!;
    const ec = makeEditContext(name, text, plan, new StatusMemory(null), repair);
    let edits: Edit[] = [];
    try {
      if (k % 3 === 0 || task.source.type !== 'row') edits = setStatusEdits(ec, task, otherStatus(task)).edits;
      else {
        const e = cellEdit(ec, task, k % 3 === 1 ? 'owner' : 'notes', `Ana | ${k}`);
        edits = e ? [e] : [];
      }
    } catch {
      continue; // rows plan refuses to edit (no status cell, no such column)
    }
    if (edits.length === 0) continue;
    const all = [...edits, ...stampEdits(text, plan.frontMatter.span, plan.bodyStart).filter((s) => !edits.some((e) => e.start < s.end && s.start < e.end))];
    const next = applyEdits(text, all, name);
    const updated = planAfterEdits(plan, all, text, next, repair);
    if (!updated) continue;
    const fresh = await planOf(next);
    expectSamePlan(updated, fresh, `${name}: task ${task.id} line ${task.line}`);
    // The cache's in-place update of its compact form gives the same model.
    const c = JSON.parse(compacted);
    const effect = editEffect(plan, all, text, next, repair)!;
    updateCompact(c, all, effect.changed, effect.modified);
    expectSamePlan(expand(JSON.parse(JSON.stringify(c))), fresh, `${name}: compact, task ${task.id} line ${task.line}`);
    compared++;
  }
  return compared;
}

describe('the model after plan’s own edits', () => {
  it('matches a fresh parse on the seed', async () => {
    expect(await check(readFileSync(SEED, 'utf8'), 'seed')).toBeGreaterThan(5);
  });

  it('matches a fresh parse on the fixtures and corpus files', async () => {
    const files = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(FIXTURES, f));
    if (existsSync(CORPUS))
      files.push(
        ...readdirSync(CORPUS)
          .filter((f) => f.endsWith('.md'))
          .map((f) => join(CORPUS, f)),
      );
    let compared = 0;
    for (const f of files) {
      const bytes = readFileSync(f);
      const text = bytes.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(bytes)) continue;
      compared += await check(text, f);
    }
    // The corpus alone gives hundreds of comparisons; the fixtures a dozen or so.
    expect(compared).toBeGreaterThan(existsSync(CORPUS) ? 200 : 10);
    if (!existsSync(CORPUS)) console.warn(`corpus not found at ${CORPUS}: compared the fixtures only`);
  }, 600_000); // a hang guard, not a speed check: every corpus file's writes, 100 s on a loaded 2-core machine

  it('matches a fresh parse on a generated plan', async () => {
    expect(await check(genPlan(600, 3), 'generated')).toBeGreaterThan(30);
  });
});

describe('the cache entry after an in-place update', () => {
  it('reads back as a fresh parse of the new text, with untouched chunks copied', async () => {
    const { cacheKey, readCached, readChunk, writeCached } = await import('../../src/cache/plan-cache.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'plan-cache-'));
    const saved = process.env.PLAN_CACHE_DIR;
    process.env.PLAN_CACHE_DIR = dir;
    try {
      let text = genPlan(1500, 5);
      const key0 = cacheKey('/plan.md', Buffer.from(text), '', 'test')!;
      writeCached(key0, await planOf(text));
      // Three writes in a row, far apart, each through the cache's compact form.
      for (const index of [3, 255, 256, 700, 1499]) {
        // Read lazily, as a writer does: only the chunks the edit needs.
        const hit = readCached(cacheKey('/plan.md', Buffer.from(text), '', 'test')!, true)!;
        expect(hit).not.toBeNull();
        const plan = hit.plan;
        const ec = makeEditContext('plan.md', text, plan, new StatusMemory(null), (s) => s);
        const t = plan.tasks[index]!;
        const edits = setStatusEdits(ec, t, otherStatus(t)).edits;
        const all = [...edits, ...stampEdits(text, plan.frontMatter.span, plan.bodyStart)];
        const next = applyEdits(text, all, 'plan.md');
        const effect = editEffect(plan, all, text, next, (s) => s, [t])!;
        const read = (k: number) => readChunk(hit.compact, k);
        writeCached(cacheKey('/plan.md', Buffer.from(next), '', 'test')!, hit.compact, updateCompact(hit.compact, all, effect.changed, effect.modified, read));
        expect(hit.compact.chunks.filter(Boolean).length, `chunks read for task ${index}`).toBeLessThanOrEqual(3);
        text = next;
        const back = readCached(cacheKey('/plan.md', Buffer.from(text), '', 'test')!)!;
        expect(back.plan).toEqual(await planOf(text));
      }
    } finally {
      if (saved === undefined) delete process.env.PLAN_CACHE_DIR;
      else process.env.PLAN_CACHE_DIR = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('expectSamePlan (the comparison above)', () => {
  it('passes where toEqual passes, strict or not, and fails with its difference where it fails', async () => {
    const text = readFileSync(SEED, 'utf8');
    const a = await planOf(text);
    expectSamePlan(a, await planOf(text), 'two reads');
    // toEqual, unlike a strict comparison, takes a property left undefined as absent.
    expectSamePlan({ ...a, extra: undefined }, a, 'an undefined property');
    const other = { ...a, tasks: a.tasks.map((t, i) => (i === 3 ? { ...t, title: 'Other' } : t)) };
    expect(() => expectSamePlan(other, a, 'one title changed')).toThrow(/^one title changed: expected .* to deeply equal/);
  });
});
