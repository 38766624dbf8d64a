// Ids → one task, or a clear error: ambiguous ids list their candidates and the
// flags that pick one; unknown ids suggest the closest ones.

import { SCOPE_KINDS, type Plan, type PlanPart, type Task } from '../model/types.js';
import { PlanError, UsageError } from '../system/errors.js';
import { fileIs, filterTasks, type Filters } from './filter.js';
import { scopeMatches } from '../read/scope-range.js';
import { fileRef, idInFile, idKey, parseLineRef, sameId } from '../read/ids.js';
import { taskScope, type TaskIndex } from '../cache/task-index.js';

/**
 * With an `index` (the cache's, see cache/task-index.ts), only the tasks whose id
 * and scope match are read, so a lazily read model stays mostly unread.
 */
export function resolveTask(tasks: Task[], id: string, filters: Filters, file: string, index?: TaskIndex, forWrite = false): Task {
  const wanted = id.trim();
  const position = parseLineRef(wanted);
  if (position !== null && !(index?.ids ?? tasks.map((t) => t.id)).some((x) => sameId(x, wanted))) {
    return byLine(tasks, position, filters, file, wanted, forWrite);
  }
  const norm = idKey;
  const key = norm(wanted);
  const inScope = (i: number) => {
    const scope = taskScope(index!, i);
    return SCOPE_KINDS.every((k) => filters[k] === undefined || scopeMatches(scope[k], filters[k]!));
  };
  const pool = index ? index.ids.flatMap((x, i) => (norm(x) === key && inScope(i) ? [tasks[i]!] : [])) : tasks;
  const matches = filterTasks(pool, filters).filter((t) => norm(t.id) === key);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const lines = (tool: boolean) => matches.map((t) => `  ${t.id} line ${t.line}: ${t.title}${pickFilter(t, matches, tool)}`).join('\n');
    const said = `${file}: id "${wanted}" matches ${matches.length} tasks; pick one with a filter`;
    throw new PlanError(`${said} flag:\n${lines(false)}`).forTools(`${said} argument:\n${lines(true)}`);
  }
  const all = index ? index.ids.filter((x) => norm(x) === key) : pool.filter((t) => norm(t.id) === key);
  if (all.length > 0) {
    const said = `${file}: task "${wanted}" exists but not with the filters given; drop or change the filter`;
    throw new PlanError(`${said} flags`).forTools(`${said} arguments`);
  }
  const titled = byTitle(filterTasks(tasks, filters), wanted);
  if (titled.length === 1) return titled[0]!;
  if (titled.length > 1) {
    const lines = (tool: boolean) => titled.map((t) => `  ${t.id} line ${t.line}: ${t.title}${pickFilter(t, titled, tool)}`).join('\n');
    const said = `${file}: "${wanted}" is the title of ${titled.length} tasks; name one by its id, or pick one with a filter`;
    throw new PlanError(`${said} flag:\n${lines(false)}`).forTools(`${said} argument:\n${lines(true)}`);
  }
  const close = closest(wanted, [...new Set(index?.ids ?? tasks.map((t) => t.id))]);
  const hint = close.length ? `; did you mean ${close.join(', ')}?` : tasks.length ? '; run `plan list` to see the ids' : '';
  throw new PlanError(`${file}: no task with id "${wanted}"${hint}`);
}

/**
 * A task named by its title where no id matches (`plan set "Write the README" done`):
 * the tasks whose title is the words given (case and spacing aside), else, for
 * three words or more, those whose title starts with them (whole words).
 */
function byTitle(tasks: Task[], wanted: string): Task[] {
  const words = (s: string) => s.toLowerCase().split(/\s+/u).filter(Boolean);
  const want = words(wanted);
  if (want.length === 0) return [];
  const same = (t: Task) => words(t.title).join(' ') === want.join(' ');
  const exact = tasks.filter(same);
  if (exact.length || want.length < 3) return exact;
  return tasks.filter((t) => {
    const title = words(t.title);
    return title.length > want.length && want.every((w, i) => title[i] === w);
  });
}

/**
 * `L42`: the task on line 42, for reading. A write refuses it: lines move when
 * the file changes, and a stale line would name another task.
 */
function byLine(tasks: Task[], line: number, filters: Filters, file: string, wanted: string, forWrite: boolean): Task {
  const task = filterTasks(tasks, { ...filters, line: String(line) })[0];
  if (!task) throw new PlanError(`${file}: no task on line ${line}; run \`plan list\` to see the tasks and their ids`);
  if (forWrite) {
    throw new UsageError(`${file}: "${wanted}" names a line, and lines move when the file changes; use the task's id ${task.id} (line ${line}: ${task.title})`);
  }
  return task;
}

/** The filter that singles out `t` among `others`: ` (--sprint 9)` for the CLI, ` (sprint: "9")` for an MCP tool. */
function pickFilter(t: Task, others: Task[], tool: boolean): string {
  const say = (key: string, value: string | number) => (tool ? `  (${key}: ${JSON.stringify(String(value))})` : `  (--${key} ${value})`);
  for (const key of ['sprint', 'week', 'month', 'phase', 'milestone'] as const) {
    const v = t[key];
    if (v != null && others.filter((o) => o[key] === v).length === 1) return say(key, v);
  }
  if (t.section) {
    const last = t.section.split(' > ').pop()!;
    if (others.filter((o) => o.section?.endsWith(last)).length === 1) return tool ? say('section', last) : `  (--section ${JSON.stringify(last)})`;
  }
  return tool ? `  (line: ${t.line})` : `  (--line ${t.line})`;
}

/** The (at most three) candidates nearest `id` by edit distance, close enough to be a typing slip: "did you mean". */
export function closest(id: string, ids: string[]): string[] {
  const scored = ids
    .map((c) => ({ c, d: distance(id.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(id.length / 2)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c, 'en', { numeric: true }));
  return scored.slice(0, 3).map((x) => x.c);
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * A reference by position (`L41`, or `--line 41`) names whatever is on that
 * line now. When the model it was first resolved in turned out stale (the
 * cache was dropped and the file read again), it must still name the same
 * task, or the write is refused: a line inserted above must never turn
 * `set L41 done` into an edit of the task that moved onto line 41.
 */
export function checkSamePosition(first: Task | undefined, now: Task, id: string, filters: Filters, file: string): void {
  const positional = /^L\d+$/i.test(id.trim()) || filters.line !== undefined;
  if (!first || !positional || (first.title === now.title && first.id === now.id && first.kind === now.kind)) return;
  throw new PlanError(
    `${file}: "${id}" named "${first.title}" when plan last read the file, but line ${now.line} now holds "${now.title}"; nothing was written (the file changed: run \`plan list\` for its current lines)`,
  );
}

/** `--in <file>` names a file of the plan (of one file: that file); else a usage error. */
export function checkIn(plan: Plan, name: string | undefined, display: string): void {
  if (name === undefined) return;
  if (plan.parts) partNamed(plan, name);
  else if (!fileIs(display, name) && !fileIs(display.slice(display.lastIndexOf('/') + 1), name)) {
    throw new UsageError(`--in ${name} is no file of the plan (its file: ${display})`);
  }
}

/** The file of a plan of several files that `--in` names: its path as shown, or its name. */
export function partNamed(plan: Plan, name: string): PlanPart {
  const parts = plan.parts ?? [];
  const found = parts.filter((p) => fileIs(p.file, name) || p.name === name);
  if (found.length === 1) return found[0]!;
  const some = parts.slice(0, 5).map((p) => p.file);
  const why = found.length ? `names ${found.length} files of the plan (${found.map((p) => p.file).join(', ')}); give its path` : 'is no file of the plan';
  throw new UsageError(`--in ${name} ${why} (its files: ${some.join(', ')}${parts.length > 5 ? ', …' : ''})`);
}

/**
 * One task of a plan by its reference. A plan of several files reads `file.md#id`
 * (and `--in file.md`) as that file's id; a bare id another file has too is
 * refused with the references that name each.
 */
export function resolvePlanTask(plan: Plan, id: string, filters: Filters, file: string, forWrite = false): Task {
  if (!plan.parts) return resolveTask(plan.tasks, id, filters, file, undefined, forWrite);
  const { in: inFile, ...rest } = filters;
  let part = inFile === undefined ? undefined : partNamed(plan, inFile);
  let wanted = id.trim();
  for (const p of part ? [part] : plan.parts) {
    const local = idInFile(wanted, p.name, p.file);
    if (local !== null) {
      part = p;
      wanted = local;
      break;
    }
  }
  if (!part) {
    const key = idKey(wanted);
    const holders = plan.parts.filter((p) => p.plan.tasks.some((t) => idKey(t.id) === key));
    if (holders.length > 1 || (holders.length === 0 && parseLineRef(wanted) !== null)) {
      const refs = (holders.length ? holders : plan.parts).map((p) => fileRef(p.name, wanted));
      throw new UsageError(`${file}: "${wanted}" names a task in several files; name one (${refs.slice(0, 4).join(', ')}) or pass --in <file>`);
    }
    part = holders[0];
    if (!part) return resolveTask(plan.tasks, wanted, rest, file, undefined, forWrite);
  }
  const task = resolveTask(part.plan.tasks, wanted, rest, part.file, undefined, forWrite);
  return plan.tasks[part.first + part.plan.tasks.indexOf(task)]!;
}
