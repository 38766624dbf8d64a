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
