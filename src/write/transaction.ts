// One write to a plan file, start to finish: lock, re-read the file under the
// lock, let the command compute its edits from that fresh read, refresh the
// date stamps, enforce read_only and chars_limit, splice, and replace the file
// atomically, after checking that the lock is still ours and the file still
// the one read (else start over). Every writer (set, edit, add, next --claim,
// fix, MCP) goes through here.

import { PlanError } from '../system/errors.js';
import { buildFromText, loadPlan, maxBytes, planCacheKey, type Loaded, displayPath } from '../load/load.js';
import { midMerge } from '../read/merge-conflict.js';
import { readChunk, writeCached } from '../cache/plan-cache.js';
import { editEffect, planAfterEdits } from '../cache/update.js';
import { updateCompact } from '../cache/compact.js';
import { encode } from '../text/decode.js';
import { codePoints } from '../text/width.js';
import { findFrontMatter } from '../parse/front-matter-find.js';
import { mayHaveMojibake, mayHaveMojibakeAfter } from '../text/mojibake-check.js';
import { applyEdits, type Edit } from './splice.js';
import { unifiedDiff } from './diff.js';
import { stampEdits, today } from './stamps.js';
import { atomicWrite, checkUnchanged, fileIdentity, FileChanged, realTarget } from './write.js';
import { withLock, type HeldLock } from './lock.js';
import { StatusMemory } from './memory.js';
import { Journal, commandLine } from './journal.js';
import { isStaleModelError, movedTaskAfter, readBackProblem } from './verify.js';
import { changesWhatItIs, makeEditContext, type EditContext } from './task-edits.js';
import type { Plan, Task } from '../model/types.js';
import type { Status } from '../model/status.js';
import { runtime } from '../system/runtime.js';
import { haltAt } from '../system/halt.js';

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
  /** Whether the caller can pass --force: refusals say so, or not (MCP has no force). */
  canForce?: boolean;
  /** Use the status memory to restore a task's earlier text (default true; --no-memory sets false). */
  memory?: boolean;
}

/** How often a write starts over because another editor changed the file meanwhile. */
const ATTEMPTS = 5;

export interface WorkResult<T> {
  edits: Edit[];
  value: T;
  /** The tasks the edits change (lets the cache update find them without a search). */
  touched?: Task[];
  /** What the edits kept or restored, said beside the diff (`task 3: kept "(Phase 3)" after the new status`). */
  remarks?: string[];
  /**
   * Tasks whose new status only a fresh read of the whole file can confirm (an item now takes its heading's): refused unless it does.
   * A moved task (`moved`) must read so in its new place, and every other task as before.
   */
  reread?: { task: Task; to: Status; moved?: { carried: number } }[];
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
  /** See WorkResult.remarks. */
  remarks: string[];
  /** The fresh read of the new text, where the write asked for one (WorkResult.reread). */
  after?: Plan;
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
  if (opts.touch !== false) today(); // an invalid SOURCE_DATE_EPOCH is refused before anything else
  const run = async (lock: HeldLock | null, useCache = true): Promise<TransactResult<T>> => {
    const identity = fileIdentity(target);
    const loaded = await loadPlan(path, true, useCache);
    const { plan, text } = loaded;
    if (lock) haltAt('read');
    refuseUnwritable(plan, display, opts);
    const memory = opts.memory === false ? new StatusMemory(null) : StatusMemory.forPlan(target);
    const damage = await damageTools(text);
    const ec = makeEditContext(display, text, plan, memory, damage.repair, !!loaded.compact);
    let result: WorkResult<T>;
    try {
      result = await work(loaded, ec);
    } catch (e) {
      // A cached model the bytes contradict is dropped: read the file afresh
      // (which rewrites the entry) and decide again.
      if (isStaleModelError(e) && loaded.compact) return run(lock, false);
      throw e;
    }
    const { edits, value, touched } = result;
    const remarks = result.remarks ?? [];
    if (edits.length === 0) return { value, changed: false, written: false, diff: '', text, display, remarks };
    const all = [...edits];
    if (opts.touch !== false) {
      const busy = (s: number, e: number) => edits.some((x) => x.start < e && s < x.end);
      for (const st of stampEdits(text, plan.frontMatter.span, plan.bodyStart, runtime().env, stampFreeSpans(plan))) if (!busy(st.start, st.end)) all.push(st);
    }
    const next = applyEdits(text, all, display);
    if (next === text) return { value, changed: false, written: false, diff: '', text, display, remarks };
    const after = result.reread?.length ? await checkReadBack(path, plan, next, result.reread, display) : undefined;
    checkLimit(plan.frontMatter.charsLimit, text, next, display, opts);
    const diff = opts.dryRun || opts.diff ? await unifiedDiff(display, text, next, all) : '';
    if (opts.dryRun) return { value, changed: true, written: false, diff, text: next, display, remarks, ...(after ? { after } : {}) };
    const bytes = encode(next);
    await checkReadable(path, next, bytes.length, all, display);
    atomicWrite(target, bytes, display, () => {
      // Compare-and-swap: never replace bytes this write has not read.
      if (lock && !lock.stillOurs()) {
        throw new PlanError(`${display}: another process took over the file's lock while plan was writing; nothing was written, run the command again`);
      }
      checkUnchanged(target, identity, loaded.bytes, display);
    });
    memory.save();
    const journal = Journal.forPlan(target);
    if (opts.undo) journal.dropLast();
    else journal.record(all, loaded.bytes, bytes, commandLine());
    haltAt('journaled');
    await warmCache(path, bytes, loaded, all, next, touched);
    return { value, changed: true, written: true, diff, text: next, display, remarks, ...(after ? { after } : {}) };
  };
  if (opts.dryRun) return run(null);
  return withLock(target, display, async (lock) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run(lock);
      } catch (e) {
        if (!(e instanceof FileChanged)) throw e;
        if (attempt === ATTEMPTS) {
          throw new PlanError(`${display}: the file kept changing while plan was writing it (another editor?); nothing was written, run the command again`);
        }
      }
    }
  });
}

/** A file mid-merge is never written; a read-only one only with --force (or a dry run). */
function refuseUnwritable(plan: Plan, display: string, opts: TransactOptions): void {
  const merging = midMerge(plan);
  if (merging) {
    // Which side's text to change is the person's call: no write, --force or not, until the markers are gone.
    throw new PlanError(
      `${display}:${merging.line}: ${merging.message}: the file is mid-merge; resolve the conflict (keep the lines you want, remove the marker lines) and run the command again; nothing was written`,
    );
  }
  if (plan.frontMatter.readOnly && !opts.force && !opts.dryRun) {
    const how = opts.canForce === false ? 'only its owner can lift read_only' : 'pass --force to write anyway';
    throw new PlanError(`${display}: the plan is read-only (read_only: true in its front matter); nothing was written (${how})`);
  }
}

/** Keeps the model cache warm for the next command after a write: the edited model, not a re-parse. */
async function warmCache(path: string, bytes: Buffer, loaded: Loaded, all: Edit[], next: string, touched: WorkResult<unknown>['touched']): Promise<void> {
  const { plan, text } = loaded;
  try {
    const key = planCacheKey(path, bytes);
    mayHaveMojibakeAfter(text, all, next); // remembered for the checks below: no whole scan of `next`
    if (key && loaded.compact) {
      const c = loaded.compact;
      const effect = editEffect(plan, all, text, next, (await damageTools(next)).repair, touched);
      if (effect)
        writeCached(
          key,
          c,
          updateCompact(c, all, effect.changed, effect.modified, (k) => readChunk(c, k)),
        );
    } else if (key) {
      const after = planAfterEdits(plan, all, text, next, (await damageTools(next)).repair);
      if (after) writeCached(key, after);
    }
  } catch {
    // The write is done; a cache left stale only costs the next read a parse.
  }
}

/**
 * A write never turns a task into a non-task: read the new text afresh where a task's own line cannot tell.
 * A move leaves every other task as it was. Returns the fresh read.
 */
async function checkReadBack(path: string, plan: Plan, next: string, tasks: NonNullable<WorkResult<unknown>['reread']>, display: string): Promise<Plan> {
  const after = await buildFromText(path, next, false);
  for (const { task, to, moved } of tasks) {
    if (moved) {
      const found = movedTaskAfter(plan, after, task, to, moved.carried);
      if ('problem' in found) {
        throw new PlanError(
          `${display}:${task.line}: moving task ${task.id} to its ${to} section would change the plan (${found.problem}); nothing was written, move it by hand`,
        );
      }
      continue;
    }
    const problem = readBackProblem(after, task, to);
    if (problem) throw changesWhatItIs({ file: display }, task, to, problem);
  }
  return after;
}

/** Where the file's own stamps never are: its tables (a task's notes). Items that are tasks start with a box or an id, never `Last Updated`. */
function stampFreeSpans(plan: Loaded['plan']): { start: number; end: number }[] {
  return plan.tables.map((t) => ({ start: t.start, end: t.end }));
}

function bodyLength(text: string): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = findFrontMatter(text, bom);
  return codePoints(text.slice(fm ? fm.end : bom));
}

/** Edits shorter than this leave a plan that read as readable as it was (status words, owners, short titles). */
const LONG_EDIT = 10_000;

/**
 * A write never leaves a plan plan cannot read (after it only a hand edit recovers the file): over the
 * size plan reads it is refused, and a long inserted text is read back before the file is replaced.
 */
async function checkReadable(path: string, next: string, size: number, edits: Edit[], display: string): Promise<void> {
  const max = maxBytes();
  if (size > max) {
    throw new PlanError(
      `${display}: the write would make the file ${(size / 1048576).toFixed(1)} MB, over the ${(max / 1048576).toFixed(0)} MB plan reads; nothing was written (shorten the text or split the plan)`,
    );
  }
  if (!edits.some((e) => e.text.length > LONG_EDIT)) return;
  try {
    await buildFromText(path, next, false);
  } catch (e) {
    throw new PlanError(`${display}: plan could not read the file after this write (${(e as Error).message}); nothing was written (shorten the text)`);
  }
}

/** chars_limit: refuse a write that leaves the body longer than the limit and longer than before. */
function checkLimit(limit: number | null, before: string, after: string, display: string, opts: TransactOptions): void {
  if (limit === null || opts.force) return;
  const was = bodyLength(before);
  const now = bodyLength(after);
  if (now > limit && now > was) {
    const how = opts.canForce === false ? 'shorten the plan or raise chars_limit' : 'shorten the plan, raise chars_limit, or pass --force';
    throw new PlanError(`${display}: the write would make the body ${now} characters long, over its chars_limit of ${limit}; nothing was written (${how})`);
  }
}

async function damageTools(text: string): Promise<{ repair: (s: string) => string }> {
  if (!mayHaveMojibake(text)) return { repair: (s) => s };
  const m = await import('../text/mojibake.js');
  return { repair: m.repairMojibake };
}
