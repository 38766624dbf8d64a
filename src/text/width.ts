// Display width in terminal columns: wide East Asian characters and emoji
// count two, combining marks and variation selectors none.

/** Display width of plain text: wide East Asian characters and emoji count two. */
export function textWidth(s: string): number {
  let w = 0;
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cp = ch.codePointAt(0)!;
    if (cp < 0x300) w += 1;
    else if ((cp >= 0x300 && cp < 0x370) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) w += 0;
    else if (
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd) || EMOJI_WIDE.test(ch) ||
      (chars[i + 1] === '\uFE0F' && EMOJI.test(ch))
    ) w += 2;
    else w += 1;
  }
  return w;
}

const EMOJI_WIDE = /\p{Emoji_Presentation}/u;
const EMOJI = /\p{Emoji}/u;

/** Length in code points (what `chars_limit` counts). */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || s.charCodeAt(i - 1) < 0xd800 || s.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}
