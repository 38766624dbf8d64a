// plan check: every problem of the plan file as `file:line:col severity message`;
// exit 1 when any is an error (for CI and pre-commit hooks), else 0.

import type { Context } from './context.js';
import { locatePlan } from '../locate.js';
import { loadPlan } from '../load.js';
import { runChecks } from '../check/index.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import type { Problem } from '../model/types.js';
import { visible } from '../text/visible.js';

export function problemLine(file: string, p: Problem): string {
  return `${file}:${p.line}:${p.column} ${p.severity} ${p.message.replace(/[\r\n]+/g, ' ')}`;
}

export async function check(ctx: Context): Promise<number> {
  // Not openPlan: its read warnings would repeat the problems reported here.
  const { plan, text, display } = await loadPlan(locatePlan(ctx.opts.file));
  const problems = runChecks({ plan, text });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
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
    const { chalk } = await import('../render/table.js');
    const paint = { error: chalk.red.bold, warning: chalk.yellow, info: chalk.cyan } as const;
    const lines = problems.map((p) => {
      const where = chalk.dim(visible(`${display}:${p.line}:${p.column}`));
      // Escaped before it is coloured: the message may quote the file.
      return `${where} ${paint[p.severity](p.severity)} ${visible(p.message.replace(/[\r\n]+/g, ' '))}\n`;
    });
    const tally = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
    ctx.out(lines.join('') + (problems.length ? `\n${errors ? chalk.red(tally) : chalk.yellow(tally)}\n` : `${visible(display)}: ${chalk.green('no problems found')}\n`));
  }
  return errors > 0 ? 1 : 0;
}
