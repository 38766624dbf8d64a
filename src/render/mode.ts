// Terminal → table; piped or --plain → tab-separated text; --json → JSON.

import { envNumber } from '../system/env.js';
import { runtime, type Runtime } from '../system/runtime.js';

export type OutputMode = 'table' | 'plain' | 'json';

export interface OutputOptions {
  json?: boolean;
  plain?: boolean;
  /** --table: the terminal view, also when piped. */
  table?: boolean;
}

export function outputMode(opts: OutputOptions, rt: Runtime = runtime()): OutputMode {
  if (opts.json) return 'json';
  if (opts.plain) return 'plain';
  if (opts.table) return 'table';
  if (!rt.isTTY) return 'plain';
  return 'table';
}

export function terminalWidth(rt: Runtime = runtime()): number {
  return rt.columns || envNumber('COLUMNS', 80, rt.env);
}
