// Date stamps a write refreshes: `modified:` in the front matter (top level or
// under `block:`) and a `Last Updated` line. Only the date bytes change, in the
// format the file already uses.

import { unwrapWholeFence } from '../parse/whole-fence.js';
import type { Edit } from './splice.js';
import type { Span } from '../parse/blocks.js';
import { runtime } from '../system/runtime.js';

export { today } from '../system/today.js';
import { today } from '../system/today.js';
import { envText } from '../system/env.js';

const p2 = (n: number) => String(n).padStart(2, '0');

/** The same date format with today's date, or null for a format we do not know. */
function restamp(value: string, env = runtime().env): string | null {
  const t = today(env);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})([-/.])(\d{2})\2(\d{2})$/.exec(value))) return `${t.y}${m[2]}${p2(t.m)}${m[2]}${p2(t.d)}`;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T(.*)$/.exec(value))) {
    // A timestamp: keep its shape, with the current UTC time (or the epoch's).
    const iso = (envText('SOURCE_DATE_EPOCH', env) ? t.date : runtime().now()).toISOString();
    if (/^\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(m[4]!)) return m[4]!.includes('.') ? iso : iso.replace(/\.\d+Z$/, 'Z');
    if (/^\d{2}:\d{2}(:\d{2})?$/.test(m[4]!)) return iso.slice(0, 11 + m[4]!.length);
    return null;
  }
  return null;
}

/**
 * Edits that refresh the stamps of `text`; `frontMatter` is the block's span.
 * `skip`: spans that hold no stamp of the file's own (tables, task items).
 */
export function stampEdits(text: string, frontMatter: Span | null, bodyStart: number, env = runtime().env, skip: Span[] = []): Edit[] {
  const edits: Edit[] = [];
  const stamp = (start: number, value: string) => {
    const next = restamp(value, env);
    if (next !== null && next !== value) edits.push({ start, end: start + value.length, expect: value, text: next });
  };
  if (frontMatter) for (const m of frontMatterStamps(text, frontMatter)) stamp(m.start, m.value);
  for (const m of lastUpdatedStamps(text, bodyStart, skip)) stamp(m.start, m.value);
  return edits;
}

interface Found {
  start: number;
  value: string;
}

/**
 * The front matter's own `modified:`: a top-level key, or a key of the
 * top-level `block:` mapping. Nested ones (`history: [- modified: …]`) and
 * text inside block scalars belong to other data.
 */
function frontMatterStamps(text: string, span: Span): Found[] {
  const found: Found[] = [];
  const parents: { indent: number; key: string }[] = [];
  let at = span.start;
  for (const line of text.slice(span.start, span.end).split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    const m = /^([ \t]*)(- +)?([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    while (parents.length && parents[parents.length - 1]!.indent >= indent) parents.pop();
    const own = !m[2] && (parents.length === 0 || (parents.length === 1 && parents[0]!.key === 'block'));
    parents.push({ indent, key: m[2] ? '-' : m[3]! });
    if (!own || m[3] !== 'modified') continue;
    // The value: up to its last non-blank character, and the blanks before a closing quote.
    const v = /^[ \t]*modified[ \t]*:[ \t]*(?![ \t])(["']?)((?:[ \t]*[^"'\r\n# \t])*(?:[ \t]+(?=["']))?)\1[ \t]*(?:#.*)?\r?$/.exec(line);
    if (v) found.push({ start: lineStart + line.indexOf(v[2]!, line.indexOf(':') + 1), value: v[2]! });
  }
  return found;
}

// `Last Updated: 2026-02-20`, `**Last Updated**: …`, `*Last updated:* …`,
// `**Documentation Last Updated**: …`, as a line of its own.
const LAST_UPDATED =
  /^(?:[-*+][ \t]+)?(?:#{1,6}[ \t]+)?(?:[*_]{1,2}(?:[\p{L}\p{N}]+[ \t]+){0,3})?last[ \t]+updated[ \t]*(?::[ \t]*)?(?:[*_]{1,2}[ \t]*)?(?::[ \t]*)?(?:[*_]{1,2}[ \t]*)?(\d{4}[-/.]\d{2}[-/.]\d{2})(?![0-9A-Za-z])/iu;

/**
 * `Last Updated` lines that stand on their own: not in fenced or indented
 * code, not in a block quote, not in a table or a task's text (`skip`).
 */
function lastUpdatedStamps(text: string, bodyStart: number, skip: Span[]): Found[] {
  const found: Found[] = [];
  let fence: { char: string; len: number } | null = null;
  let at = bodyStart;
  // A plan that is one fence of Markdown is read as what it holds (parse/whole-fence.ts): its stamps are the plan's.
  for (const line of unwrapWholeFence(text.slice(bodyStart)).split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    const content = line.trimStart();
    const f = /^(`{3,}|~{3,})/.exec(content);
    if (fence) {
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.len && content.slice(f[1]!.length).trim() === '') fence = null;
      continue;
    }
    if (f) {
      fence = { char: f[1]![0]!, len: f[1]!.length };
      continue;
    }
    if (line.length - content.length >= 4 || skip.some((s) => s.start <= lineStart + line.length && lineStart <= s.end)) continue;
    const m = LAST_UPDATED.exec(content);
    if (m) found.push({ start: lineStart + (line.length - content.length) + m[0].length - m[1]!.length, value: m[1]! });
  }
  return found;
}
