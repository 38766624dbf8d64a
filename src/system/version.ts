// plan's version, as `plan --version` prints it and the MCP server announces it.

import { readFileSync } from 'node:fs';

// Set by scripts/build.mjs from package.json; unbundled (tests importing the
// sources) it is read from package.json directly.
declare const __PLAN_VERSION__: string;
export const VERSION = typeof __PLAN_VERSION__ === 'string' ? __PLAN_VERSION__ : packageVersion();

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
