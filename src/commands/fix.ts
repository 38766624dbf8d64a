// plan fix: repairs text damaged by decoding UTF-8 through another code page
// (`‚úÖ` → ✅, `â€”` → —), through the shared write path (lock, re-read,
// --dry-run diff, read_only, date stamps, atomic write). Nothing else changes.
// A plan of several files: each file repaired on its own, under its own lock,
// in its own undo journal; a file refused (read-only, unreadable) does not stop the others.

import { eachFile, openPlanSet, type Context } from './context.js';
import { locatePlanFiles, type PlanFiles } from '../load/files.js';
import { transact, type TransactOptions, type TransactResult } from '../write/transaction.js';
import { findMojibake } from '../text/mojibake.js';
import { visibleDamage } from '../check/types.js';
import { LineIndex } from '../text/lines.js';
import { visible } from '../text/visible.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { tsv } from '../render/plain.js';

export interface Repair {
  line: number;
  column: number;
  damaged: string;
  repaired: string;
}

/** One file's repairs through the write path. */
function repairFile(path: string, ctx: Context, opts: TransactOptions): Promise<TransactResult<Repair[]>> {
  return transact(path, { ...opts, diff: ctx.mode === 'json' }, ({ text }) => {
    const runs = findMojibake(text);
    const pos = new LineIndex(text);
    return {
      edits: runs.map((r) => ({ start: r.start, end: r.end, expect: r.damaged, text: r.repaired })),
      value: runs.map((r): Repair => ({ ...pos.at(r.start), damaged: r.damaged, repaired: r.repaired })),
    };
  });
}

export async function fix(ctx: Context, opts: TransactOptions): Promise<number> {
  const files = locatePlanFiles(ctx.opts.file);
  if (files.many) return fixFiles(ctx, opts, files);
  const result = await repairFile(files.paths[0]!, ctx, opts);
  return report(ctx, result.display, [result], false);
}

/** Every file of the plan that holds tasks; one that cannot be read or written is a line on stderr, and the command then fails. */
async function fixFiles(ctx: Context, opts: TransactOptions, files: PlanFiles): Promise<number> {
  const set = await openPlanSet(ctx, files);
  const results = await eachFile(ctx, set.loaded.plan.parts!, (part) => repairFile(part.path, ctx, opts));
  return report(ctx, set.loaded.display, results, true);
}

/** What was repaired; `many`: each repair names its file (a plan of several files). */
function report(ctx: Context, display: string, results: TransactResult<Repair[]>[], many: boolean): number {
  const repairs = results.flatMap((r) => r.value.map((x) => ({ file: r.display, ...x })));
  const written = results.some((r) => r.written);
  const diff = results.map((r) => r.diff).join('');
  if (ctx.mode === 'json') {
    const shown = many ? repairs : repairs.map(({ file: _file, ...r }) => r);
    const changed = results.some((r) => r.changed);
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, changed, written, repairs: shown, diff: diff || null }));
    return 0;
  }
  if (repairs.length === 0) {
    ctx.err(`plan: ${display}: no damaged text found; nothing to change\n`);
    return 0;
  }
  if (!written) {
    ctx.out(visible(diff));
    return 0;
  }
  if (ctx.mode === 'plain') {
    const columns = ['line', 'column', 'damaged', 'repaired', ...(many ? ['file'] : [])];
    ctx.out(
      tsv(
        columns,
        repairs.map((r) => [r.line, r.column, visibleDamage(r.damaged), r.repaired, ...(many ? [r.file] : [])]),
      ),
    );
  } else {
    const lines = repairs.map((r) => `  ${r.file}:${r.line}:${r.column}  ${visibleDamage(r.damaged)} → ${r.repaired}\n`);
    ctx.out(`Repaired ${repairs.length} damaged ${repairs.length === 1 ? 'run' : 'runs'} of text in ${display}:\n${lines.join('')}`);
  }
  return 0;
}
