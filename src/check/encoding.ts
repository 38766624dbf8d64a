// Bytes that are not valid UTF-8 (read with surrogate escapes, shown as U+FFFD).

import type { Problem } from '../model/types.js';
import { escapedLines } from '../text/decode.js';
import type { CheckInput } from './types.js';
import { LineIndex } from '../text/lines.js';

const ESCAPE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

export function checkInvalidUtf8({ plan, text }: CheckInput): Problem[] {
  if (!plan.invalidUtf8) return [];
  const pos = new LineIndex(text);
  return escapedLines(text).map((line) => {
    const start = pos.lineStart(line);
    ESCAPE.lastIndex = start;
    const m = ESCAPE.exec(text);
    const count = text.slice(start, pos.lineEnd(line)).match(ESCAPE)?.length ?? 0;
    return {
      line,
      column: m ? pos.at(m.index).column : 1,
      severity: 'error' as const,
      code: 'invalid-utf8',
      message: `${count === 1 ? 'a byte that is' : `${count} bytes that are`} not valid UTF-8 (shown as \uFFFD); re-save the file as UTF-8 and retype the characters there (plan fix cannot guess them)`,
    };
  });
}
