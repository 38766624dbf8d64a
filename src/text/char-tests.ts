// Cheap, exact tests on code units that say a regular expression cannot match, so the reader does not run it. Not
// running one also spares compiling it: V8 compiles an expression on its first use (and again for machine code on
// its second, and again for two-byte text), and one with a Unicode property class costs about a millisecond each
// time, which a cold read pays for every expression it touches.

/** U+00A9 ©: the first code point with the Extended_Pictographic property (test/text/char-tests.test.ts). */
export const PICTOGRAPHIC_MIN = 0xa9;

/** U+2E80: the first code point of the Han, Hiragana and Katakana scripts. */
export const HAN_KANA_MIN = 0x2e80;

/** Whether a code unit of `s` from `from` on is `min` or above. */
export function hasCodeAtLeast(s: string, min: number, from = 0): boolean {
  for (let i = from; i < s.length; i++) if (s.charCodeAt(i) >= min) return true;
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** Whether `s` has a letter or a digit of any script (`/[\p{L}\p{N}]/u`); an ASCII one answers without the expression. */
export function hasLetterOrDigit(s: string): boolean {
  return asciiAnswer(s, true) ?? LETTER_OR_DIGIT.test(s);
}

/** Whether `s` has a letter of any script (`/\p{L}/u`); an ASCII one answers without the expression. */
export function hasLetter(s: string): boolean {
  return asciiAnswer(s, false) ?? LETTER.test(s);
}

/** True at an ASCII letter (or digit), false for text all ASCII without one, null when only the expression can tell. */
function asciiAnswer(s: string, digits: boolean): boolean | null {
  let wide = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (digits && c >= 0x30 && c <= 0x39)) return true;
    if (c >= 0x80) wide = true;
  }
  return wide ? null : false;
}

/** Whether code unit `c` is an ASCII digit (NaN, past the end, is not). */
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Whether `s` has an ASCII digit: what `\d` matches, with or without the `u` and `i` flags. */
export function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) return true;
  return false;
}

/** Whether code unit `c` is from `low` to `high` (NaN, past the end, is not). */
export const inRange = (c: number, low: number, high: number): boolean => c >= low && c <= high;

/** U+00C0 À: the first capital (`\p{Lu}`) after A–Z (test/text/char-tests.test.ts). */
export const UPPER_ABOVE_ASCII = 0xc0;

/** Whether `s` may start with a capital (`/^\p{Lu}/u`): A–Z, or a character from U+00C0 on. */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x41 && c <= 0x5a) || c >= UPPER_ABOVE_ASCII;
}
