// Builds a Plan from inline Markdown with the real pipeline, for check tests.
import { buildFromText } from '../../src/load/load.js';
import { decode } from '../../src/text/decode.js';
import type { CheckInput } from '../../src/check/index.js';

export async function input(source: string | Buffer): Promise<CheckInput> {
  const { text, escaped } = typeof source === 'string' ? { text: source, escaped: false } : decode(source);
  const plan = await buildFromText('/nonexistent/plan.md', text, escaped);
  return { plan, text };
}

/** `line:col severity code` of each problem, for compact assertions. */
export function brief(problems: { line: number; column: number; severity: string; code: string }[]): string[] {
  return problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`);
}
