// plan check: every problem of the plan file as `file:line:col severity message`;
// exit 1 when any is an error (for CI and pre-commit hooks), else 0.

import type { Context } from './context.js';
import { locateOnePlan } from '../load/files.js';
import { loadPlan } from '../load/load.js';
import { runChecks } from '../check/index.js';
import { collapseGroups } from '../check/collapse.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { visible } from '../text/visible.js';
import { problemLine } from '../render/problem-line.js';

export interface CheckOptions {
  /** One line per row even for an issue of a whole table. */
  verbose?: boolean;
}

export async function check(ctx: Context, opts: CheckOptions = {}): Promise<number> {
  // Not openPlan: its read warnings would repeat the problems reported here.
  const { plan, text, display } = await loadPlan(locateOnePlan(ctx.opts.file));
  const findings = runChecks({ plan, text });
  const errors = findings.filter((p) => p.severity === 'error').length;
  const warnings = findings.filter((p) => p.severity === 'warning').length;
  // JSON lists every finding (tools want each position); text collapses a whole table's issue into one.
  const problems = opts.verbose || ctx.mode === 'json' ? findings : collapseGroups(findings);
  if (ctx.mode === 'json') {
    ctx.out(
      toJson({
        schemaVersion: SCHEMA_VERSION,
        file: display,
        problems: problems.map((p) => ({ line: p.line, column: p.column, severity: p.severity, code: p.code, message: p.message })),
        errors,
        warnings,
      }),
    );
  } else if (ctx.mode === 'plain') {
    ctx.out(problems.map((p) => `${problemLine(display, p)}\n`).join(''));
  } else {
    const { checkView } = await import('../render/check.js');
    // Escaped before the view colours it: a message may quote the file.
    const shown = problems.map((p) => ({ ...p, message: visible(p.message) }));
    ctx.out(checkView(shown, visible(display), { errors, warnings }, ctx.width));
  }
  return errors > 0 ? 1 : 0;
}
