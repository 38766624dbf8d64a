// One write to a plan file, start to finish: lock, re-read the file under the
// lock, let the command compute its edits from that fresh read, refresh the
// date stamps, enforce read_only and chars_limit, splice, and replace the file
// atomically. Every writer (set, edit, add, next --claim, fix, MCP) goes through here.

import { PlanError } from '../errors.js';
import { loadPlan, planCacheKey, type Loaded, displayPath } from '../load.js';
import { readChunk, writeCached } from '../cache/plan-cache.js';
import { editEffect, planAfterEdits } from '../cache/update.js';
import { updateCompact } from '../cache/compact.js';
import { encode } from '../text/decode.js';
import { codePoints } from '../text/width.js';
import { findFrontMatter } from '../parse/frontmatter-block.js';
import { mayHaveMojibake } from '../text/mojibake-check.js';
import type { MojibakeFix } from '../text/mojibake.js';
import { applyEdits, type Edit } from './splice.js';
import { unifiedDiff } from './diff.js';
import { stampEdits } from './stamps.js';
import { atomicWrite, realTarget, withLock } from './write.js';
import { StatusMemory } from './memory.js';
import { Journal, commandLine } from './journal.js';
import { makeEditContext, type EditContext } from './task-edits.js';
import type { Task } from '../model/types.js';

export interface TransactOptions {
  /** Print the diff instead of writing. */
  dryRun?: boolean;
  /** Write even when read_only is set or chars_limit would be passed. */
  force?: boolean;
  /** Refresh `modified:` and `Last Updated` (default true; --no-touch sets false). */
  touch?: boolean;
  /** Compute the unified diff of a real write too (a dry run always has one). */
  diff?: boolean;
  /** This write undoes plan's last one: drop its journal entry instead of recording a new one. */
  undo?: boolean;
}

export interface WorkResult<T> {
  edits: Edit[];
  value: T;
  /** The tasks the edits change (lets the cache update find them without a search). */
  touched?: Task[];
}

export interface TransactResult<T> {
  value: T;
  /** Whether the edits changed anything. */
  changed: boolean;
  /** Whether the file was written (false for a dry run or no change). */
  written: boolean;
  /** Unified diff of the change (empty when nothing changed, or not asked for). */
  diff: string;
  /** The file's text after the change. */
  text: string;
  display: string;
}

/**
 * Runs `work` on a fresh read of the plan under its lock and writes its edits.
 * `work` may throw PlanError to refuse (nothing is written).
 */
export async function transact<T>(
  path: string,
  opts: TransactOptions,
  work: (loaded: Loaded, ec: EditContext) => WorkResult<T> | Promise<WorkResult<T>>,
): Promise<TransactResult<T>> {
  const display = displayPath(path);
  const target = realTarget(path, display);
  const run = async (compromised: () => Error | null = () => null): Promise<TransactResult<T>> => {
    const loaded = await loadPlan(path, true);
    const { plan, text } = loaded;
    if (plan.frontMatter.readOnly && !opts.force && !opts.dryRun) {
      throw new PlanError(`${display}: the plan is read-only (read_only: true in its front matter); nothing was written (pass --force to write anyway)`);
    }
    const memory = StatusMemory.forPlan(target);
    const damage = await damageTools(text);
    const ec = makeEditContext(display, text, plan, memory, damage.find, damage.repair);
    const { edits, value, touched } = await work(loaded, ec);
    if (edits.length === 0) return { value, changed: false, written: false, diff: '', text, display };
    const all = [...edits];
    if (opts.touch !== false) {
      const busy = (s: number, e: number) => edits.some((x) => x.start < e && s < x.end);
      for (const st of stampEdits(text, plan.frontMatter.span, plan.bodyStart)) if (!busy(st.start, st.end)) all.push(st);
    }
    const next = applyEdits(text, all, display);
    if (next === text) return { value, changed: false, written: false, diff: '', text, display };
    checkLimit(plan.frontMatter.charsLimit, text, next, display, opts);
    const diff = opts.dryRun || opts.diff ? await unifiedDiff(display, text, next, all) : '';
    if (opts.dryRun) return { value, changed: true, written: false, diff, text: next, display };
    const bytes = encode(next);
    // A lock taken over by another writer (ours stalled past the stale time) means
    // our read may be old: refuse rather than overwrite their change.
    const lost = compromised();
    if (lost) throw new PlanError(`${display}: the file's lock was lost before the write (${lost.message}); nothing was written, run the command again`);
    atomicWrite(target, bytes, display);
    memory.save();
    const journal = Journal.forPlan(target);
    if (opts.undo) journal.dropLast();
    else journal.record(all, bytes, commandLine());
    try {
      // Keep the model cache warm for the next command: the edited model, not a re-parse.
      const key = planCacheKey(path, bytes);
      if (key && loaded.compact) {
        const c = loaded.compact;
        const effect = editEffect(plan, all, next, damage.repair, touched);
        if (effect) writeCached(key, c, updateCompact(c, all, effect.changed, effect.modified, (k) => readChunk(c, k)));
      } else if (key) {
        const after = planAfterEdits(plan, all, next, damage.repair);
        if (after) writeCached(key, after);
      }
    } catch {
      // The write is done; a cache left stale only costs the next read a parse.
    }
    return { value, changed: true, written: true, diff, text: next, display };
  };
  if (opts.dryRun) return run();
  return withLock(target, display, (compromised) => run(compromised));
}

function bodyLength(text: string): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = findFrontMatter(text, bom);
  return codePoints(text.slice(fm ? fm.end : bom));
}

/** chars_limit: refuse a write that leaves the body longer than the limit and longer than before. */
function checkLimit(limit: number | null, before: string, after: string, display: string, opts: TransactOptions): void {
  if (limit === null || opts.force) return;
  const was = bodyLength(before);
  const now = bodyLength(after);
  if (now > limit && now > was) {
    throw new PlanError(
      `${display}: the write would make the body ${now} characters long, over its chars_limit of ${limit}; nothing was written (shorten the plan, raise chars_limit, or pass --force)`,
    );
  }
}

async function damageTools(text: string): Promise<{ find: (s: string) => MojibakeFix[]; repair: (s: string) => string }> {
  if (!mayHaveMojibake(text)) return { find: () => [], repair: (s) => s };
  const m = await import('../text/mojibake.js');
  return { find: m.findMojibake, repair: m.repairMojibake };
}
