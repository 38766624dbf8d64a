// A plan of several files: each file loaded through the cache on its own (its
// own entry, so an edit of one file parses only that file again), then joined
// into one Plan whose tasks say their `file`. A task's id names its file
// (`sprint2.md#1.3`) only when another file has that id too.

import { basename, dirname, relative, sep } from 'node:path';
import { expand } from '../cache/compact.js';
import { BUILD, readChunk } from '../cache/plan-cache.js';
import { Stamps } from '../cache/stamps.js';
import type { Plan, PlanPart, Task } from '../model/types.js';
import { fileRef, idKey } from '../read/ids.js';
import { asPlanError, PlanError } from '../system/errors.js';
import { runtime } from '../system/runtime.js';
import { configText, displayPath, loadCachedPlan, loadPlan, type ConfigMemo, type Loaded } from './load.js';
import { locatePlanFiles, type PlanFiles } from './files.js';

export interface PlanSet {
  loaded: Loaded;
  /** One line per file that could not be read, naming it. */
  failures: string[];
  /** Those files, as the user sees their paths. */
  unread: string[];
  /** Each file as loaded (its text, its bytes), in the order of `plan.parts`; none for a plan of one file. */
  files: Loaded[];
}

/** The folder all the files are in, as the user sees it (`plans/`, or `.`). */
export function commonFolder(paths: readonly string[]): string {
  let common = dirname(paths[0]!);
  for (const p of paths) while (common !== dirname(common) && relative(common, p).startsWith('..')) common = dirname(common);
  const shown = displayPath(common);
  return shown === common && relative(runtime().cwd(), common) === '' ? '.' : shown.endsWith(sep) ? shown : `${shown}${sep}`;
}

/** An id more than one file holds. */
const MANY = -1;

/**
 * Each file's tasks with its `file`, the id naming the file when another file has that id too.
 * `own[k]`: part k's tasks made anew from the cache's compact form, the joined plan's own to
 * change; without it, copies by spread (a spread of a cached task would call its lazy
 * `source` getter and unpack every source, which most commands never read).
 */
function joinTasks(parts: readonly PlanPart[], own: readonly (Task[] | undefined)[]): Task[] {
  // Read through `own` where there is one: part.plan.tasks is then a lazily read list.
  const lists = parts.map((part, k) => own[k] ?? part.plan.tasks);
  // Each id's key once, and the one part holding it (MANY: more than one): 10,000 tasks take milliseconds, not tens.
  const keys = lists.map((tasks) => tasks.map((t) => idKey(t.id)));
  const holder = new Map<string, number>();
  keys.forEach((list, k) => {
    for (const key of list) {
      const at = holder.get(key);
      if (at === undefined) holder.set(key, k);
      else if (at !== k) holder.set(key, MANY);
    }
  });
  const out: Task[] = [];
  lists.forEach((tasks, k) => {
    const { name, file } = parts[k]!;
    const list = keys[k]!;
    tasks.forEach((t, i) => {
      const id = holder.get(list[i]!) === MANY ? fileRef(name, t.id) : t.id;
      if (!own[k]) {
        out.push({ ...t, id, file });
        return;
      }
      t.id = id;
      t.file = file;
      out.push(t);
    });
  });
  return out;
}

/** The files' plans as one plan; `label` is how the whole plan is named. */
function joinPlans(parts: PlanPart[], label: string, own: readonly (Task[] | undefined)[]): Plan {
  const first = parts[0]!.plan;
  const names = new Map<string, number>();
  for (const part of parts) names.set(basename(part.file), (names.get(basename(part.file)) ?? 0) + 1);
  let at = 0;
  for (const part of parts) {
    part.first = at;
    part.name = names.get(basename(part.file)) === 1 ? basename(part.file) : part.file;
    at += part.plan.tasks.length;
  }
  return {
    ...first,
    file: label,
    tasks: joinTasks(parts, own),
    headings: parts.flatMap((p) => p.plan.headings),
    tables: [],
    problems: [],
    parts,
    ...(parts.some((p) => p.plan.dependencies) ? { dependencies: {} } : {}),
  };
}

/**
 * One file of the plan. From the cache, its model's tasks are read lazily (the file's
 * own view, `part.plan.tasks`, which few commands look at) and expanded once more
 * as `tasks`, for the joined plan: each task built once, never copied. A file whose
 * status is as `stamps` recorded is not read at all: its model's cache key is known.
 */
async function loadPart(path: string, configs: ConfigMemo, stamps: Stamps | null, whole: boolean): Promise<{ loaded: Loaded; tasks?: Task[] }> {
  const config = stamps ? configText(path, configs) : '';
  const known = stamps?.lookup(path, config);
  const loaded = (known && loadCachedPlan(path, known.key, known.size)) || (await loadPlan(path, true, true, configs));
  if (loaded.stamp && loaded.key) stamps?.record(path, loaded.stamp, config, loaded.key, loaded.bytes.length);
  const c = loaded.compact;
  if (!c) return { loaded };
  try {
    c.chunks.forEach((_, k) => void readChunk(c, k));
    const tasks = expand(c).tasks;
    // Every task of the file's own view read too: expanded once, and the joined plan copies them.
    if (whole) return { loaded: { ...loaded, plan: { ...loaded.plan, tasks } } };
    return { loaded, tasks };
  } catch {
    // A damaged chunk: the file is parsed again (and its entry replaced), as a writer does.
    stamps?.forget(path);
    return { loaded: await loadPlan(path, false, false) };
  }
}

/**
 * Loads every file; a file that cannot be read (or that was refused, `files.refused`)
 * is a failure line and the rest are still read. Files without tasks are left out quietly.
 * `whole`: the caller reads every task of each file's own view (`part.plan.tasks`, as
 * plan check does), so each file is expanded once, for it, and the joined plan copies those.
 */
export async function loadPlanSet(files: PlanFiles, whole = false): Promise<PlanSet> {
  const { paths } = files;
  const failures = (files.refused ?? []).map((r) => r.message);
  const unread = (files.refused ?? []).map((r) => displayPath(r.path));
  const parts: PlanPart[] = [];
  const loadedFiles: Loaded[] = [];
  const own: (Task[] | undefined)[] = [];
  const configs: ConfigMemo = new Map();
  const stamps = Stamps.open(paths, BUILD);
  for (const path of paths) {
    try {
      const { loaded, tasks } = await loadPart(path, configs, stamps, whole);
      if (loaded.plan.tasks.length === 0) continue;
      parts.push({ file: loaded.display, name: loaded.display, path, plan: loaded.plan, first: 0 });
      own.push(tasks);
      loadedFiles.push(loaded);
    } catch (e) {
      const failure = asPlanError(e);
      if (!failure) throw e;
      failures.push(failure.message);
      unread.push(displayPath(path));
    }
  }
  stamps?.save();
  if (paths.length === 0) throw new PlanError(`${failures.join('\n')}\n.planrc.json files: no file of the plan could be read`);
  const label = commonFolder(paths);
  if (parts.length === 0) {
    if (failures.length) throw new PlanError(`${failures.join('\n')}\n${label}: no file of the plan could be read`);
    throw new PlanError(
      `${label}: none of its ${paths.length} Markdown files holds tasks (plan reads table rows under a Status or ID column, checkbox items and items that start with an id); see README`,
    );
  }
  const plan = joinPlans(parts, label, own);
  return { loaded: { path: parts[0]!.path, display: label, bytes: Buffer.alloc(0), text: '', plan }, failures, unread, files: loadedFiles };
}

/** The plan `-f` (or $PLAN_FILE, `.planrc.json`, discovery) names: one file as it always was, several joined. */
export async function loadPlanFiles(explicit: string | readonly string[] | undefined): Promise<PlanSet> {
  const files = locatePlanFiles(explicit);
  if (!files.many) return { loaded: await loadPlan(files.paths[0]!), failures: [], unread: [], files: [] };
  return loadPlanSet(files);
}
