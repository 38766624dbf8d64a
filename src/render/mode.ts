// Terminal → table; piped or --plain → tab-separated text; --json → JSON.

export type OutputMode = 'table' | 'plain' | 'json';

export interface OutputOptions {
  json?: boolean;
  plain?: boolean;
}

export function outputMode(opts: OutputOptions, stream: NodeJS.WriteStream = process.stdout): OutputMode {
  if (opts.json) return 'json';
  if (opts.plain || !stream.isTTY) return 'plain';
  return 'table';
}

export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number {
  const fromEnv = Number(process.env.COLUMNS);
  return stream.columns || (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80);
}
