// String.prototype.matchAll copies its expression on every call (the specification's species constructor: V8 makes
// and initialises a new RegExp each time, some 13,000 instructions), and the reader runs it on every item and
// heading. An exec loop over the expression itself gives the same matches without the copy.

/**
 * What `[...text.matchAll(re)]` gives for a global `re`, without copying `re`: from `re.lastIndex` on, as matchAll
 * starts, and `re.lastIndex` left as it was (matchAll leaves its expression alone).
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const start = re.lastIndex;
  const found: RegExpExecArray[] = [];
  try {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      found.push(m);
      // An empty match moves on one character (a whole surrogate pair under the `u` flag), as matchAll does.
      if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode);
    }
  } finally {
    re.lastIndex = start;
  }
  return found;
}

function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const lead = text.charCodeAt(i);
  const trail = text.charCodeAt(i + 1);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? i + 2 : i + 1;
}
