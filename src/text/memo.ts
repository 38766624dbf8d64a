// A bounded memory of what a pure function of a short text gave: the reader
// works out the same small texts (headers, field names, status cells) again
// and again, in one file and in every file read again after a write.

/** Texts longer than this are worked out every time (they seldom repeat, and keying them costs). */
const LONGEST = 500;

/**
 * `compute`, remembered per text: `(text) => compute(text)` that works each text out once, until `size`
 * texts are kept (then the memory starts again). Only for pure functions of their text.
 */
export function remembered<T>(compute: (text: string) => T, size = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (text.length > LONGEST) return compute(text);
    if (known.has(text)) return known.get(text)!;
    if (known.size >= size) known.clear();
    const value = compute(text);
    known.set(text, value);
    return value;
  };
}
