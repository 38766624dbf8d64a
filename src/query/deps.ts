// The dependency graph of a plan: what each task waits on and what waits on
// it. References were resolved when the model was built (src/read/depends.ts);
// here they are only looked up (`plan.dependencies`: reference → lines).

import type { Plan, PlanPart, Task } from '../model/types.js';
import { idInFile, idKey } from '../read/ids.js';
import { isFinished } from '../model/status.js';

export interface Dependency {
  /** The reference as the model keeps it: an id, `L<line>`, `Phase 2`, or unresolved text. */
  ref: string;
  /** The tasks it names (a scope names all of its tasks); empty when it names none. */
  tasks: Task[];
}

export interface WaitOptions {
  /** A cancelled dependency counts as satisfied (by default only a done one does). */
  allowCancelled?: boolean;
}

export class DependencyGraph {
  private readonly byLine = new Map<number, Task>();
  private reverse: Map<Task, Task[]> | null = null;
  /** A plan of several files: what a task's reference names, looked up in its file, then across the files. */
  private readonly across: ((t: Task, ref: string) => Task[]) | null = null;

  constructor(private readonly plan: Plan) {
    if (plan.parts) this.across = acrossFiles(plan);
    else if (plan.dependencies) for (const t of plan.tasks) if (!this.byLine.has(t.line)) this.byLine.set(t.line, t);
  }

  /** Whether any task of the plan has a dependency. */
  get any(): boolean {
    return !!this.plan.dependencies;
  }

  /** What `t` depends on, in the order the file gives. */
  of(t: Task): Dependency[] {
    if (!this.plan.dependencies || t.dependsOn.length === 0) return [];
    const across = this.across;
    if (across) return t.dependsOn.map((ref) => ({ ref, tasks: across(t, ref) }));
    return t.dependsOn.map((ref) => ({ ref, tasks: this.lines(ref).flatMap((l) => this.byLine.get(l) ?? []) }));
  }

  /** The tasks that depend on `t` directly, in file order. */
  dependents(t: Task): Task[] {
    if (!this.plan.dependencies) return [];
    if (!this.reverse) {
      this.reverse = new Map();
      for (const d of this.plan.tasks) {
        for (const dep of this.of(d)) for (const target of dep.tasks) push(this.reverse, target, d);
      }
    }
    return [...new Set(this.reverse.get(t) ?? [])];
  }

  /** The tasks `t` waits on: its dependencies that are not done (or cancelled, when allowed). */
  waitingOn(t: Task, opts: WaitOptions = {}): Task[] {
    const out = new Set<Task>();
    for (const dep of this.of(t)) for (const x of dep.tasks) if (!satisfied(x, opts)) out.add(x);
    return [...out];
  }

  isWaiting(t: Task, opts: WaitOptions = {}): boolean {
    return this.of(t).some((dep) => dep.tasks.some((x) => !satisfied(x, opts)));
  }

  /**
   * The open tasks that cannot start until `t` is done: those that wait on it,
   * directly or through other open tasks. None once `t` is done.
   */
  blockedBy(t: Task, opts: WaitOptions = {}): Set<Task> {
    const out = new Set<Task>();
    if (satisfied(t, opts)) return out;
    const queue = [t];
    while (queue.length) {
      for (const d of this.dependents(queue.pop()!)) {
        if (out.has(d) || d === t || isFinished(d.status)) continue;
        out.add(d);
        queue.push(d);
      }
    }
    return out;
  }

  /** Whether a reference names no task (kept as text). */
  unresolved(ref: string): boolean {
    return this.lines(ref).length === 0;
  }

  private lines(ref: string): number[] {
    return this.plan.dependencies?.[ref] ?? [];
  }
}

/**
 * A reference of a task in a plan of several files: what its own file resolved
 * it to, else `file.md#id` naming another file's task, else an id only one
 * task of the plan has.
 */
function acrossFiles(plan: Plan): (t: Task, ref: string) => Task[] {
  const parts = new Map(plan.parts!.map((p) => [p.file, p]));
  const byLine = new Map<PlanPart, Map<number, Task>>();
  const lineMap = (part: PlanPart) => {
    let map = byLine.get(part);
    if (!map) {
      map = new Map();
      for (let i = part.plan.tasks.length - 1; i >= 0; i--) map.set(part.plan.tasks[i]!.line, plan.tasks[part.first + i]!);
      byLine.set(part, map);
    }
    return map;
  };
  const byId = new Map<string, Task[]>();
  for (const part of plan.parts!) part.plan.tasks.forEach((t, i) => void push(byId, idKey(t.id), plan.tasks[part.first + i]!));
  return (t, ref) => {
    const part = t.file === undefined ? undefined : parts.get(t.file);
    const lines = part?.plan.dependencies?.[ref] ?? [];
    if (part && lines.length) return lines.flatMap((l) => lineMap(part).get(l) ?? []);
    for (const other of plan.parts!) {
      const id = idInFile(ref, other.name, other.file);
      if (id !== null) return (byId.get(idKey(id)) ?? []).filter((x) => x.file === other.file);
    }
    const named = byId.get(idKey(ref)) ?? [];
    return named.length === 1 && named[0] !== t ? named : [];
  };
}

function satisfied(t: Task, opts: WaitOptions = {}): boolean {
  return t.status === 'done' || (!!opts.allowCancelled && t.status === 'cancelled');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
