// plan fix: repairs text damaged by decoding UTF-8 through another code page
// (`‚úÖ` → ✅, `â€”` → —), through the shared write path (lock, re-read,
// --dry-run diff, read_only, date stamps, atomic write). Nothing else changes.

import type { Context } from './context.js';
import { locateOnePlan } from '../load/files.js';
import { transact, type TransactOptions } from '../write/transaction.js';
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

export async function fix(ctx: Context, opts: TransactOptions): Promise<number> {
  const path = locateOnePlan(ctx.opts.file);
  const result = await transact(path, { ...opts, diff: ctx.mode === 'json' }, ({ text }) => {
    const runs = findMojibake(text);
    const pos = new LineIndex(text);
    return {
      edits: runs.map((r) => ({ start: r.start, end: r.end, expect: r.damaged, text: r.repaired })),
      value: runs.map((r): Repair => ({ ...pos.at(r.start), damaged: r.damaged, repaired: r.repaired })),
    };
  });
  const { display, value: repairs } = result;
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, changed: result.changed, written: result.written, repairs, diff: result.diff || null }));
    return 0;
  }
  if (repairs.length === 0) {
    ctx.err(`plan: ${display}: no damaged text found; nothing to change\n`);
    return 0;
  }
  if (!result.written) {
    ctx.out(visible(result.diff));
    return 0;
  }
  if (ctx.mode === 'plain') {
    ctx.out(
      tsv(
        ['line', 'column', 'damaged', 'repaired'],
        repairs.map((r) => [r.line, r.column, visibleDamage(r.damaged), r.repaired]),
      ),
    );
  } else {
    const lines = repairs.map((r) => `  ${display}:${r.line}:${r.column}  ${visibleDamage(r.damaged)} → ${r.repaired}\n`);
    ctx.out(`Repaired ${repairs.length} damaged ${repairs.length === 1 ? 'run' : 'runs'} of text in ${display}:\n${lines.join('')}`);
  }
  return 0;
}
