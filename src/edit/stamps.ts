// Date stamps a write refreshes: `modified:` in the front matter (top level or
// under `block:`) and a `Last Updated` line. Only the date bytes change, in the
// format the file already uses.

import type { Edit } from './splice.js';
import type { Span } from '../parse/blocks.js';
import { UsageError } from '../errors.js';

/** The last second a four-digit year can write: 9999-12-31T23:59:59Z. */
const LAST_EPOCH = 253402300799;

/**
 * Today as Y, M, D: the local date, or the UTC date of SOURCE_DATE_EPOCH when
 * set. An epoch that is not a whole number of seconds up to the year 9999 is a
 * usage error: a stamp must never read `NaN-NaN-NaN`.
 */
export function today(env = process.env): { y: number; m: number; d: number; date: Date } {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch) {
    if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_EPOCH) {
      throw new UsageError(
        `SOURCE_DATE_EPOCH=${JSON.stringify(epoch).slice(1, -1)} is not a date plan can write (whole seconds since 1970, up to the year 9999); fix or unset it, or pass --no-touch`,
      );
    }
    const date = new Date(Number(epoch) * 1000);
    return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), date };
  }
  const date = new Date();
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate(), date };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** The same date format with today's date, or null for a format we do not know. */
export function restamp(value: string, env = process.env): string | null {
  const t = today(env);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})([-/.])(\d{2})\2(\d{2})$/.exec(value))) return `${t.y}${m[2]}${p2(t.m)}${m[2]}${p2(t.d)}`;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T(.*)$/.exec(value))) {
    // A timestamp: keep its shape, with the current UTC time (or the epoch's).
    const iso = (env.SOURCE_DATE_EPOCH ? t.date : new Date()).toISOString();
    if (/^\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(m[4]!)) return m[4]!.includes('.') ? iso : iso.replace(/\.\d+Z$/, 'Z');
    if (/^\d{2}:\d{2}(:\d{2})?$/.test(m[4]!)) return iso.slice(0, 11 + m[4]!.length);
    return null;
  }
  return null;
}

/** Edits that refresh the stamps of `text`; `frontMatter` is the block's span. */
export function stampEdits(text: string, frontMatter: Span | null, bodyStart: number, env = process.env): Edit[] {
  const edits: Edit[] = [];
  if (frontMatter) {
    const fm = text.slice(frontMatter.start, frontMatter.end);
    const re = /^(?:[ \t]*)modified[ \t]*:[ \t]*(["']?)([^"'\r\n#]*?)\1[ \t]*(?:#.*)?$/gm;
    for (const m of fm.matchAll(re)) {
      const value = m[2]!;
      const next = restamp(value, env);
      if (next === null || next === value) continue;
      const start = frontMatter.start + m.index! + m[0].indexOf(value, m[0].indexOf(':') + 1);
      edits.push({ start, end: start + value.length, expect: value, text: next });
    }
  }
  const body = text.slice(bodyStart);
  const re = /last[ \t]+updated(?:[*_]{0,2})[ \t]*:?[ \t]*(?:[*_]{0,2})[ \t]*(\d{4}[-/.]\d{2}[-/.]\d{2})(?![0-9A-Za-z])/gi;
  for (const m of body.matchAll(re)) {
    const value = m[1]!;
    const next = restamp(value, env);
    if (next === null || next === value) continue;
    const start = bodyStart + m.index! + m[0].length - value.length;
    edits.push({ start, end: start + value.length, expect: value, text: next });
  }
  return edits;
}
