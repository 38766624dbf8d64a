// plan burndown: open versus done tasks over the plan's git history.

import type { Context } from './context.js';
import { locateOnePlan } from '../load/files.js';
import { displayPath } from '../load/load.js';
import type { Filters } from '../query/filter.js';
import { burndown as series } from '../history/burndown.js';
import { SCOPE_KINDS, type ScopeKind } from '../model/types.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { UsageError } from '../system/errors.js';

export interface BurndownOptions {
  by?: string;
  since?: string;
}

export async function burndown(ctx: Context, filters: Filters, opts: BurndownOptions): Promise<number> {
  const by = opts.by === undefined ? undefined : scopeKind(opts.by);
  const path = locateOnePlan(ctx.opts.file);
  const display = displayPath(path);
  const result = await series(path, display, filters, by, opts.since);
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, series: result.map((s) => ({ scope: s.kind, value: s.value, points: s.points })) }));
    return 0;
  }
  const { burndownChart, burndownTsv } = await import('../render/history.js');
  ctx.out(ctx.mode === 'plain' ? burndownTsv(result) : burndownChart(display, result, ctx.width, true));
  if (!result[0]!.points.some((p) => p.hash !== null))
    ctx.err(`plan: ${display}: no commit touched this file${opts.since ? ` since ${opts.since}` : ''}; only its current state is shown\n`);
  return 0;
}

function scopeKind(v: string): ScopeKind {
  const k = v.trim().toLowerCase().replace(/s$/, '');
  if ((SCOPE_KINDS as readonly string[]).includes(k)) return k as ScopeKind;
  throw new UsageError(`--by takes ${SCOPE_KINDS.join(', ')}; got "${v}"`);
}
