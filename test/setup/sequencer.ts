// The order vitest starts test files in: its own (a project after another,
// longest first by the last run's durations, else largest first), but for the
// files known to be long (LONG_FIRST), which start first in their project.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { LONG_FIRST } from './tiers.js';

/** `order` with each project's long files moved to the front of that project's run, the order otherwise kept. */
export function longFirst<T>(order: readonly T[], project: (t: T) => string, path: (t: T) => string): T[] {
  const rank = new Map<string, number>();
  for (const t of order) if (!rank.has(project(t))) rank.set(project(t), rank.size);
  const long = (t: T) => (LONG_FIRST.some((p) => path(t).startsWith(p)) ? 0 : 1);
  return order
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank.get(project(a.t))! - rank.get(project(b.t))! || long(a.t) - long(b.t) || a.i - b.i)
    .map(({ t }) => t);
}

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    return longFirst(
      await super.sort(files),
      (s) => s.project.name,
      (s) => relative(root, s.moduleId),
    );
  }
}
