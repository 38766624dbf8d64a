// plan deps [id]: the dependency tree, of one task or of the whole plan
// (every task nothing depends on, with what it needs below it).

import type { Context } from './context.js';
import { openPlan } from './context.js';
import type { Filters } from '../query/filter.js';
import { resolvePlanTask } from '../query/resolve.js';
import { dependencyView } from '../query/deptree.js';
import { DependencyGraph } from '../query/deps.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { mermaid, treeLines, treeText, treeTsv, viewJson } from '../render/deps.js';

export async function deps(ctx: Context, id: string | undefined, filters: Filters, asMermaid: boolean): Promise<number> {
  const { plan, display } = await openPlan(ctx, filters);
  const root = id === undefined ? undefined : resolvePlanTask(plan, id, filters, display);
  const view = dependencyView(plan, root);
  if (asMermaid) {
    ctx.out(mermaid(view));
    return 0;
  }
  if (ctx.mode === 'json') {
    const dependents = root ? new DependencyGraph(plan).dependents(root).map((t) => ({ id: t.id, title: t.title, status: t.status, line: t.line })) : undefined;
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, task: root ? root.id : null, ...viewJson(view), ...(dependents ? { dependents } : {}) }));
    return 0;
  }
  const lines = treeLines(view);
  if (ctx.mode === 'plain') {
    ctx.out(treeTsv(lines));
    return 0;
  }
  if (lines.length === 0 || (root && lines.length === 1)) {
    ctx.out(root ? `${root.id} ${root.title} depends on no task.\n` : `${display}: no task depends on another.\n`);
  } else {
    const { chalk, statusLabel } = await import('../render/colour.js');
    ctx.out(treeText(lines, statusLabel, chalk.dim, ctx.width));
  }
  if (root) {
    const needed = new DependencyGraph(plan).dependents(root);
    if (needed.length) ctx.out(`needed by: ${needed.map((t) => `${t.id} ${t.title} (${t.status})`).join('; ')}\n`);
  }
  return 0;
}
