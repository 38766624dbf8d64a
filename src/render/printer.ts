// Where a view is printed: the output mode, the terminal width, and stdout and
// stderr. A command's Context is one; views shared by the CLI's commands take
// this instead, so render/ never depends on commands/.

import type { OutputMode } from './mode.js';

export interface Printer {
  mode: OutputMode;
  width: number;
  out: (s: string) => void;
  err: (s: string) => void;
}
