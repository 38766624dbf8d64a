// `plan check` on a terminal: `file:line:col severity message`, the message
// wrapped under itself, then the tally.

import type { Problem } from '../model/types.js';
import { chalk } from './colour.js';
import { wrap } from './fit.js';
import { textWidth } from '../text/width.js';

const PAINT = { error: chalk.red.bold, warning: chalk.yellow, info: chalk.cyan } as const;
/** Continuation lines of a message hang this far in. */
const HANG = 4;

function problemLines(p: Problem, file: string, width: number): string[] {
  const where = `${file}:${p.line}:${p.column}`;
  const lead = `${where} ${p.severity} `;
  const message = p.message.replace(/[\r\n]+/g, ' ');
  const lines = wrap(message, Math.max(20, width - textWidth(lead)), Math.max(20, width - HANG));
  return [`${chalk.dim(where)} ${PAINT[p.severity](p.severity)} ${lines[0]}`, ...lines.slice(1).map((l) => ' '.repeat(HANG) + l)];
}

/** `file` names the plan; each problem is shown with its own `file` (a plan of several files), else with that. */
export function checkView(problems: (Problem & { file?: string })[], file: string, tally: { errors: number; warnings: number }, width: number): string {
  if (problems.length === 0) return `${file}: ${chalk.green('no problems found')}\n`;
  const { errors, warnings } = tally;
  const counts = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  const lines = problems.flatMap((p) => problemLines(p, p.file ?? file, width));
  return `${lines.join('\n')}\n\n${errors ? chalk.red(counts) : chalk.yellow(counts)}\n`;
}
