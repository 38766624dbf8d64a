// Bytes that are not valid UTF-8 (read with surrogate escapes, shown as U+FFFD).

import type { Problem } from '../model/types.js';
import { escapedLines } from '../text/decode.js';
import { Positions, type CheckInput } from './types.js';

const ESCAPE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

export function checkInvalidUtf8({ plan, text }: CheckInput): Problem[] {
  if (!plan.invalidUtf8) return [];
  const pos = new Positions(text);
  return escapedLines(text).map((line) => {
    const start = pos.lineStart(line);
    ESCAPE.lastIndex = start;
    const m = ESCAPE.exec(text);
    const count = countOnLine(text, start);
    return {
      line,
      column: m ? pos.at(m.index).column : 1,
      severity: 'error' as const,
      code: 'invalid-utf8',
      message: `${count === 1 ? 'a byte that is' : `${count} bytes that are`} not valid UTF-8 (shown as \uFFFD); re-save the file as UTF-8 and retype the characters there (plan fix cannot guess them)`,
    };
  });
}

function countOnLine(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end === -1 ? text.length : end);
  return line.match(ESCAPE)?.length ?? 0;
}
