// plan burndown: open versus done tasks over the plan's git history.

import { eachFile, openPlanSet, type Context } from './context.js';
import { locatePlanFiles, type PlanFiles } from '../load/files.js';
import { displayPath } from '../load/load.js';
import type { Filters } from '../query/filter.js';
import { burndown as series } from '../history/burndown.js';
import { sumBurndowns } from '../history/files.js';
import { SCOPE_KINDS, type ScopeKind } from '../model/types.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { PlanError, UsageError } from '../system/errors.js';

export interface BurndownOptions {
  by?: string;
  since?: string;
}

export async function burndown(ctx: Context, filters: Filters, opts: BurndownOptions): Promise<number> {
  const by = opts.by === undefined ? undefined : scopeKind(opts.by);
  const files = locatePlanFiles(ctx.opts.file);
  const { display, result } = files.many
    ? await severalBurndowns(ctx, files, filters, by, opts.since)
    : { display: displayPath(files.paths[0]!), result: await series(files.paths[0]!, displayPath(files.paths[0]!), filters, by, opts.since) };
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, series: result.map((s) => ({ scope: s.kind, value: s.value, points: s.points })) }));
    return 0;
  }
  const { burndownChart, burndownTsv } = await import('../render/history.js');
  ctx.out(ctx.mode === 'plain' ? burndownTsv(result) : burndownChart(display, result, ctx.width, true));
  if (!result[0]?.points.some((p) => p.hash !== null)) {
    const none = files.many ? "no commit touched the plan's files" : 'no commit touched this file';
    ctx.err(`plan: ${display}: ${none}${opts.since ? ` since ${opts.since}` : ''}; only its current state is shown\n`);
  }
  return 0;
}

/** Each file's series, summed (src/history/files.ts); a file that cannot be read is a line on stderr, and the command fails. */
async function severalBurndowns(ctx: Context, files: PlanFiles, filters: Filters, by: ScopeKind | undefined, since: string | undefined) {
  const set = await openPlanSet(ctx, files);
  const each = await eachFile(ctx, set.loaded.plan.parts!, (part) => series(part.path, part.file, filters, by, since));
  // Every file refused (each said why on stderr): nothing to sum.
  if (each.length === 0) throw new PlanError(`${set.loaded.display}: no file of the plan has a history git can give`);
  return { display: set.loaded.display, result: sumBurndowns(each) };
}

function scopeKind(v: string): ScopeKind {
  const k = v.trim().toLowerCase().replace(/s$/, '');
  if ((SCOPE_KINDS as readonly string[]).includes(k)) return k as ScopeKind;
  throw new UsageError(`--by takes ${SCOPE_KINDS.join(', ')}; got "${v}"`);
}
