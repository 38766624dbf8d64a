// A fast 64-bit content fingerprint for cache keys. Not cryptographic: it only
// has to notice that a file changed, and Node's crypto module alone costs a
// few milliseconds of start-up on every run. Two independent 32-bit lanes
// (FNV-1a style and murmur3 style) over 32-bit words, plus the length.
// Words are read in the platform's byte order: the cache never leaves the machine.

export function fingerprint(parts: (Uint8Array | string)[]): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let n = 0;
  const mix = (w: number) => {
    a = Math.imul(a ^ w, 0x01000193);
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    b ^= Math.imul(k, 0x1b873593);
    b = (b << 13) | (b >>> 19);
    b = (Math.imul(b, 5) + 0xe6546b64) | 0;
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      for (let i = 0; i < part.length; i++) mix(part.charCodeAt(i));
      n += part.length * 2;
    } else {
      let i = 0;
      if (part.byteOffset % 4 === 0 && part.length >= 64) {
        const words = new Uint32Array(part.buffer, part.byteOffset, part.length >>> 2);
        for (; i < words.length; i++) mix(words[i]!);
        i *= 4;
      }
      for (; i < part.length; i++) mix(part[i]! | 0x100); // tail bytes, marked apart from words
      n += part.length;
    }
    mix(0x5eed); // separator, so ["ab", "c"] and ["a", "bc"] differ
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}-${n.toString(16)}`;
}
