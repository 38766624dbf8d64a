// Cheap pre-check for mojibake, kept free of imports so that callers can run it
// without loading iconv-lite (see ./mojibake.ts for the repair itself).
//
// Every repair starts at a UTF-8 lead byte (0xC2–0xF4) immediately followed by a
// continuation byte (0x80–0xBF). LEAD holds every character that any supported
// code page (Mac Roman, Windows-1252, Latin-1) decodes from a lead byte, CONT
// every character decoded from a continuation byte; text without such a pair
// cannot contain anything findMojibake would repair. The two classes are derived
// from iconv-lite, and test/text/mojibake.test.ts checks them against it.
const LEAD =
  '\\u00A0\\u00A4\\u00AB\\u00AC\\u00B7\\u00BB\\u00C0-\\u00F4\\u00F7\\u00FF\\u0152\\u0153\\u0178\\u0192' +
  '\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2021\\u2026\\u2030\\u2039\\u203A\\u2044\\u2206' +
  '\\u221A\\u2248\\u25CA\\uF8FF\\uFB01\\uFB02';
const CONT =
  '\\u0080-\\u00BF\\u00C4-\\u00C7\\u00C9\\u00D1\\u00D6\\u00D8\\u00DC\\u00DF-\\u00EF\\u00F1-\\u00F6' +
  '\\u00F8-\\u00FC\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u03C0' +
  '\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC' +
  '\\u2122\\u2126\\u2202\\u220F\\u2211\\u221E\\u222B\\u2260\\u2264\\u2265';

const MAYBE = new RegExp(`[${LEAD}][${CONT}]`);

/** Texts this long have their answer kept: a write asks of the same plan text several times (load, edit, cache update). */
const REMEMBERED = 4096;
const known: { text: string; maybe: boolean }[] = [];

function remember(text: string, maybe: boolean): boolean {
  if (text.length >= REMEMBERED) {
    known.unshift({ text, maybe });
    known.length = Math.min(known.length, 2);
  }
  return maybe;
}

/** True whenever findMojibake(text) could return something (false positives are fine). */
export function mayHaveMojibake(text: string): boolean {
  for (const k of known) if (k.text === text) return k.maybe;
  return remember(text, MAYBE.test(text));
}

/**
 * mayHaveMojibake(next), where `next` is `text` with `edits` applied: when
 * `text` has no pair, a pair in `next` lies in an edit's new text or across
 * its ends, so only those stretches are scanned (a whole scan of a big plan
 * costs more than the rest of a one-task write).
 */
export function mayHaveMojibakeAfter(text: string, edits: readonly { start: number; end: number; text: string }[], next: string): boolean {
  if (mayHaveMojibake(text)) return mayHaveMojibake(next);
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  // Edits that touch leave a neighbour that is another edit's text: scan the whole.
  if (sorted.some((e, i) => i > 0 && e.start <= sorted[i - 1]!.end)) return mayHaveMojibake(next);
  return remember(
    next,
    sorted.some((e) => MAYBE.test(text.slice(Math.max(0, e.start - 1), e.start) + e.text + text.slice(e.end, e.end + 1))),
  );
}
