// `chars_limit` in the front matter: the body (the text after the front matter)
// may hold at most that many characters (Unicode code points).

import type { Problem } from '../model/types.js';
import { codePoints } from '../text/width.js';
import type { CheckInput } from './types.js';
import { LineIndex } from '../text/lines.js';

function bodyLength(text: string, bodyStart: number): number {
  return codePoints(text.slice(bodyStart));
}

export function checkCharsLimit({ plan, text }: CheckInput): Problem[] {
  const limit = plan.frontMatter.charsLimit;
  if (limit == null) return [];
  // A byte-order mark before the front matter is not part of the body.
  const start = plan.bodyStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : plan.bodyStart;
  const length = bodyLength(text, start);
  if (length <= limit) return [];
  // Point at the first character past the limit.
  let offset = start;
  for (let n = 0; n < limit && offset < text.length; n++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return [
    {
      ...new LineIndex(text).at(offset),
      severity: 'error',
      code: 'chars-limit',
      message: `the body is ${length} characters, ${length - limit} over chars_limit ${limit} (the limit is passed here); shorten the plan (move finished work elsewhere) or raise chars_limit in the front matter`,
    },
  ];
}
