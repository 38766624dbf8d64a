// Colours and status marks shared by every terminal view: the only importer
// of chalk. Each status has one mark, one word and one colour everywhere.

import chalk from 'chalk';
import type { Status } from '../status.js';

// chalk reads FORCE_COLOR and --no-color itself; NO_COLOR (no-color.org) it does not.
if (process.env.NO_COLOR && !process.env.FORCE_COLOR) chalk.level = 0;

export const MARK: Record<Status, string> = {
  done: '✔',
  'in-progress': '▶',
  pending: '○',
  blocked: '✖',
  cancelled: '–',
  none: '·',
};

export const STATUS_WORD: Record<Status, string> = {
  done: 'done',
  'in-progress': 'in progress',
  pending: 'pending',
  blocked: 'blocked',
  cancelled: 'cancelled',
  none: 'no status',
};

/** Text in the colour of a status. */
export function paint(status: Status, text: string): string {
  switch (status) {
    case 'done':
      return chalk.green(text);
    case 'in-progress':
      return chalk.yellow(text);
    case 'pending':
      return chalk.cyan(text);
    case 'blocked':
      return chalk.red(text);
    case 'cancelled':
      return chalk.gray(text);
    default:
      return chalk.dim(text);
  }
}

/** `✔ done`, plain. */
export function statusText(s: Status): string {
  return `${MARK[s]} ${STATUS_WORD[s]}`;
}

/** `✔ done`, in the status's colour. */
export function statusLabel(s: Status): string {
  return paint(s, statusText(s));
}

/** `s` without trailing spaces, also those after or between colour codes (the codes stay). */
export function trimEndPainted(s: string): string {
  return s.replace(/(?<!\s|\x1b\[[0-9;]*m)(?:\s|\x1b\[[0-9;]*m)+$/, (tail) => tail.replace(/\s+/g, ''));
}

export { chalk };
