// plan check: every problem of the plan file as `file:line:col severity message`;
// exit 1 when any is an error (for CI and pre-commit hooks), else 0. A plan of
// several files: each file's problems named with that file, and its
// dependencies checked across the files (src/check/across.ts).

import { openPlanSet, type Context } from './context.js';
import { locatePlanFiles, type PlanFiles } from '../load/files.js';
import { loadPlan } from '../load/load.js';
import { runChecks } from '../check/index.js';
import { collapseGroups } from '../check/collapse.js';
import type { Problem } from '../model/types.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { visible } from '../text/visible.js';
import { problemLine } from '../render/problem-line.js';

export interface CheckOptions {
  /** One line per row even for an issue of a whole table. */
  verbose?: boolean;
}

/** A problem with the file it is in, as the user sees its path. */
type Located = Problem & { file: string };

export async function check(ctx: Context, opts: CheckOptions = {}): Promise<number> {
  const files = locatePlanFiles(ctx.opts.file);
  if (files.many) return checkFiles(ctx, opts, files);
  // Not openPlan: its read warnings would repeat the problems reported here.
  const { plan, text, display } = await loadPlan(files.paths[0]!);
  const findings = runChecks({ plan, text });
  // JSON lists every finding (tools want each position); text collapses a whole table's issue into one.
  const problems = opts.verbose || ctx.mode === 'json' ? findings : collapseGroups(findings);
  return report(
    ctx,
    display,
    findings,
    problems.map((p) => ({ ...p, file: display })),
    false,
  );
}

/** Each file's problems; a file that cannot be read is one line on stderr, and the command then fails. */
async function checkFiles(ctx: Context, opts: CheckOptions, files: PlanFiles): Promise<number> {
  const { checkPlanFiles } = await import('../check/across.js');
  // Each file's checks read every task of its own view.
  const set = await openPlanSet(ctx, files, true);
  const each = checkPlanFiles(set.loaded.plan, (k) => set.files[k]!.text);
  const findings = each.flatMap((e) => e.findings);
  const problems = each.flatMap(({ part, findings: f }) =>
    (opts.verbose || ctx.mode === 'json' ? f : collapseGroups(f)).map((p) => ({ ...p, file: part.file })),
  );
  return report(ctx, set.loaded.display, findings, problems, true);
}

/** Prints the problems; exit 1 when any finding is an error. `many`: each JSON problem names its file. */
async function report(ctx: Context, display: string, findings: Problem[], problems: Located[], many: boolean): Promise<number> {
  const errors = findings.filter((p) => p.severity === 'error').length;
  const warnings = findings.filter((p) => p.severity === 'warning').length;
  if (ctx.mode === 'json') {
    ctx.out(
      toJson({
        schemaVersion: SCHEMA_VERSION,
        file: display,
        problems: problems.map((p) => ({
          ...(many ? { file: p.file } : {}),
          line: p.line,
          column: p.column,
          severity: p.severity,
          code: p.code,
          message: p.message,
        })),
        errors,
        warnings,
      }),
    );
  } else if (ctx.mode === 'plain') {
    ctx.out(problems.map((p) => `${problemLine(p.file, p)}\n`).join(''));
  } else {
    const { checkView } = await import('../render/check.js');
    // Escaped before the view colours it: a message may quote the file.
    const shown = problems.map((p) => ({ ...p, file: visible(p.file), message: visible(p.message) }));
    ctx.out(checkView(shown, visible(display), { errors, warnings }, ctx.width));
  }
  return errors > 0 ? 1 : 0;
}
