// Bytes ↔ text without losing a byte. Valid UTF-8 (the usual case) is decoded
// by Node. A file with invalid bytes is decoded with "surrogate escapes" (as
// Python does): each invalid byte 0xNN becomes the lone surrogate U+DCNN, which
// no valid UTF-8 can produce, so offsets stay consistent for parsing and
// splicing, and encode() gives back the very same bytes.

import { isUtf8 } from 'node:buffer';

export interface Decoded {
  text: string;
  /** True when the bytes were not valid UTF-8 and escapes were used. */
  escaped: boolean;
  bom: boolean;
}

export function decode(bytes: Uint8Array): Decoded {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), escaped: false, bom };
  return { text: decodeEscaped(bytes), escaped: true, bom };
}

function decodeEscaped(b: Uint8Array): string {
  let out = '';
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      // Fast path for ASCII runs.
      let j = i + 1;
      while (j < n && b[j]! < 0x80) j++;
      out += Buffer.from(b.subarray(i, j)).toString('latin1');
      i = j;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len && i + len <= n && isUtf8(b.subarray(i, i + len))) {
      out += Buffer.from(b.subarray(i, i + len)).toString('utf8');
      i += len;
    } else {
      out += String.fromCharCode(0xdc00 + c);
      i += 1;
    }
  }
  return out;
}

/** Encodes text back to bytes, turning surrogate escapes into their bytes. */
export function encode(text: string): Buffer {
  if (!/[\uDC80-\uDCFF]/.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xdc80 && u <= 0xdcff && !(i > 0 && isHigh(text.charCodeAt(i - 1)))) {
      parts.push(Buffer.from(text.slice(last, i), 'utf8'), Buffer.of(u - 0xdc00));
      last = i + 1;
    }
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

function isHigh(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

/** Display form: escaped bytes shown as U+FFFD. */
export function showEscapes(s: string): string {
  return s.replace(/(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g, '\uFFFD');
}

/** 1-based line numbers holding escaped (invalid) bytes. */
export function escapedLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u === 10) {
      line++;
      seen = false;
    } else if (!seen && u >= 0xdc80 && u <= 0xdcff && !(i > 0 && isHigh(text.charCodeAt(i - 1)))) {
      lines.push(line);
      seen = true;
    }
  }
  return lines;
}
