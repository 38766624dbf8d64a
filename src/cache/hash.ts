// A fast 64-bit content fingerprint for cache keys. Not cryptographic: it only
// has to notice that a file changed, and Node's crypto module alone costs a
// few milliseconds of start-up on every run. Two independent 32-bit lanes
// (FNV-1a style and murmur3 style) over 32-bit words, plus the length.
// Words are read in the platform's byte order: the cache never leaves the machine.

export function fingerprint(parts: (Uint8Array | string)[]): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let n = 0;
  // The mixing step is written out in each loop: a closure call per word
  // costs more than the hashing.
  for (const part of parts) {
    const str = typeof part === 'string';
    const words = !str && part.byteOffset % 4 === 0 && part.length >= 64 ? new Uint32Array(part.buffer, part.byteOffset, part.length >>> 2) : null;
    const count = str ? part.length : words ? words.length + (part.length & 3) : part.length;
    for (let i = 0; i < count; i++) {
      let w: number;
      if (str) w = part.charCodeAt(i);
      else if (words) w = i < words.length ? words[i]! : part[words.length * 4 + (i - words.length)]! | 0x100;
      else w = part[i]! | 0x100; // bytes, marked apart from words
      a = Math.imul(a ^ w, 0x01000193);
      let k = Math.imul(w, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      b ^= Math.imul(k, 0x1b873593);
      b = (b << 13) | (b >>> 19);
      b = (Math.imul(b, 5) + 0xe6546b64) | 0;
    }
    n += str ? part.length * 2 : part.length;
    // A separator, so ["ab", "c"] and ["a", "bc"] differ.
    a = Math.imul(a ^ 0x5eed, 0x01000193);
    b = (Math.imul(b ^ 0x5eed, 5) + 0xe6546b64) | 0;
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}-${n.toString(16)}`;
}
