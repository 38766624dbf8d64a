// One problem of \`plan check\` as \`file:line:col severity message\` (its plain
// output, and the MCP check tool's).

import type { Problem } from '../model/types.js';

export function problemLine(file: string, p: Problem): string {
  return `${file}:${p.line}:${p.column} ${p.severity} ${oneLine(p.message)}`;
}

const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');
