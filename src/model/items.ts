// List items as tasks: `- [ ] …` checkboxes and items that start with an id
// token (`- **5.A Baseline Collection**: Terminal session, clean system`).

import type { Span } from '../parse/blocks.js';

/** Ids written at the start of an item: `5.A`, `3.1`, `1.2.3`, `CE-001`, `T1.2`. */
const ID_TOKEN = /^(\d+(?:\.[A-Za-z0-9]+)+|[A-Z][A-Z0-9]{0,9}-\d+[A-Za-z]?|[A-Z]\d+(?:\.\d+)+)(?=$|[\s:)\]—–,*_-])/;
const EMPHASIS_OPEN = /^(\*\*|__)/;

export interface ItemParts {
  id: string | null;
  /** Raw title and notes (still Markdown); notes null when absent. */
  title: string;
  notes: string | null;
}

/**
 * Splits an item's raw first paragraph (without checkbox and status mark)
 * into id, title and notes.
 */
export function splitItem(raw: string): ItemParts {
  let text = raw.replace(/\s*\r?\n\s*/g, ' ').trim();
  const open = EMPHASIS_OPEN.exec(text);
  if (open) {
    const close = text.indexOf(open[1]!, 2);
    if (close > 2) {
      let inner = text.slice(2, close).trim();
      let rest = text.slice(close + 2);
      let id: string | null = null;
      const m = ID_TOKEN.exec(inner);
      if (m) {
        id = m[1]!;
        inner = inner.slice(m[0].length).replace(/^[\s:.)—–-]+/, '');
      }
      // `**Title:** notes` keeps the colon inside the emphasis.
      inner = inner.replace(/[\s:]+$/, '');
      rest = rest.replace(/^[\s:—–-]+/, '').trim();
      if (id || inner) return { id, title: inner || rest, notes: inner && rest ? rest : null };
    }
  }
  let id: string | null = null;
  const m = ID_TOKEN.exec(text);
  if (m) {
    id = m[1]!;
    text = text.slice(m[0].length).replace(/^[\s:.)—–-]+/, '');
    const boldTitle = EMPHASIS_OPEN.exec(text);
    if (boldTitle) {
      const parts = splitItem(text);
      return { id, title: parts.title, notes: parts.notes };
    }
  }
  const sep = /:\s+|\s+[—–-]\s+/.exec(text);
  if (sep && sep.index > 0) {
    return { id, title: text.slice(0, sep.index).trim(), notes: text.slice(sep.index + sep[0].length).trim() || null };
  }
  return { id, title: text.trim(), notes: null };
}

export function hasIdToken(raw: string): boolean {
  return splitItem(raw).id !== null;
}

/** The span of a status emoji (and the spaces after it) at the start of `span`. */
export function leadingMark(text: string, span: Span, isStatusEmoji: (s: string) => boolean): Span | null {
  const m = /^(\p{Extended_Pictographic}|[\u2190-\u21FF\u2300-\u23FF\u2460-\u27BF\u2B00-\u2BFF\u25A0-\u25FF⊘])\uFE0F?/u.exec(
    text.slice(span.start, Math.min(span.end, span.start + 8)),
  );
  if (!m || !isStatusEmoji(m[0])) return null;
  return { start: span.start, end: span.start + m[0].length };
}
