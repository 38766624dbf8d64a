// A fast 64-bit content fingerprint for cache keys. Not cryptographic: it only
// has to notice that a file changed, and Node's crypto module alone costs a
// few milliseconds of start-up on every run. Two independent 32-bit lanes
// (FNV-1a and a murmur-style multiply-rotate) plus the length.

export function fingerprint(parts: (Uint8Array | string)[]): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let n = 0;
  const mix = (byte: number) => {
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0xcc9e2d51);
    b = (b << 15) | (b >>> 17);
    b = Math.imul(b, 0x1b873593);
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      for (let i = 0; i < part.length; i++) {
        const c = part.charCodeAt(i);
        mix(c & 0xff);
        mix(c >>> 8);
      }
      n += part.length * 2;
    } else {
      for (let i = 0; i < part.length; i++) mix(part[i]!);
      n += part.length;
    }
    mix(0); // separator, so ["ab", "c"] and ["a", "bc"] differ
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}-${n.toString(16)}`;
}
