// Colours and status marks shared by every terminal view: the only importer
// of chalk. Each status has one mark, one word and one colour everywhere.

import chalk, { type ColorSupportLevel } from 'chalk';
import type { Status } from '../model/status.js';
import { envText } from '../system/env.js';
import { onRuntime, processRuntime, type Runtime } from '../system/runtime.js';

// chalk reads FORCE_COLOR, --no-color and the terminal of the process itself; NO_COLOR (no-color.org) it does not.
const detected = chalk.level;

/** The colour level of a run: NO_COLOR, else FORCE_COLOR, else chalk's own reading of the process (or, in-process, the runtime's terminal). */
function colourLevel(rt: Runtime): ColorSupportLevel {
  if (envText('NO_COLOR', rt.env) && !envText('FORCE_COLOR', rt.env)) return 0;
  if (rt === processRuntime) return detected;
  const forced = envText('FORCE_COLOR', rt.env);
  if (forced !== undefined) return (/^[0-3]$/.test(forced) ? Number(forced) : 1) as ColorSupportLevel;
  return rt.isTTY ? 1 : 0;
}

onRuntime((rt) => {
  chalk.level = colourLevel(rt);
});

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
