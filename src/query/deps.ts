// The dependency graph of a plan: what each task waits on and what waits on
// it. References were resolved when the model was built (src/read/depends.ts);
// here they are only looked up (`plan.dependencies`: reference → lines).

import type { Plan, Task } from '../model/types.js';
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

  constructor(private readonly plan: Plan) {
    if (plan.dependencies) for (const t of plan.tasks) if (!this.byLine.has(t.line)) this.byLine.set(t.line, t);
  }

  /** Whether any task of the plan has a dependency. */
  get any(): boolean {
    return !!this.plan.dependencies;
  }

  /** What `t` depends on, in the order the file gives. */
  of(t: Task): Dependency[] {
    if (!this.plan.dependencies || t.dependsOn.length === 0) return [];
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

function satisfied(t: Task, opts: WaitOptions = {}): boolean {
  return t.status === 'done' || (!!opts.allowCancelled && t.status === 'cancelled');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
