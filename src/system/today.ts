// Today's date, the one clock every command reads: the UTC date of
// SOURCE_DATE_EPOCH when set (reproducible writes, tests), else the runtime's
// clock (src/system/runtime.ts) in the local time zone (TZ).

import { UsageError } from './errors.js';
import { runtime } from './runtime.js';
import { envText } from './env.js';

/** The last second a four-digit year can write: 9999-12-31T23:59:59Z. */
const LAST_EPOCH = 253402300799;

/**
 * Today as Y, M, D: the local date, or the UTC date of SOURCE_DATE_EPOCH when
 * set. An epoch that is not a whole number of seconds up to the year 9999 is a
 * usage error: a stamp must never read `NaN-NaN-NaN`.
 */
export function today(env = runtime().env): { y: number; m: number; d: number; date: Date } {
  const epoch = envText('SOURCE_DATE_EPOCH', env);
  if (epoch) {
    if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_EPOCH) {
      throw new UsageError(
        `SOURCE_DATE_EPOCH=${JSON.stringify(epoch).slice(1, -1)} is not a date plan can write (whole seconds since 1970, up to the year 9999); fix or unset it, or pass --no-touch`,
      );
    }
    const date = new Date(Number(epoch) * 1000);
    return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), date };
  }
  const date = runtime().now();
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate(), date };
}
