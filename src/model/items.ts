// List items as tasks: `- [ ] …` checkboxes and items that start with an id
// token (`- **5.A Baseline Collection**: Terminal session, clean system`).

import type { Span } from '../parse/blocks.js';
import type { Status, Vocabulary } from '../status.js';
import { plainText } from '../text/plain.js';
import { showEscapes } from '../text/decode.js';
import { trailingOwnerMark } from './owner-mark.js';

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

/** What a list item says, read from its text: everything of a task but its place in the file. */
export interface ItemFields {
  id: string | null;
  title: string;
  notes: string | null;
  owner: string | null;
  status: Status;
  statusText: string;
  /** The box (`[ ]`, `[x]`, or `[-]` for cancelled), the text after it, and the leading status emoji. */
  checkbox: Span | null;
  checked: boolean | null;
  text: Span;
  mark: Span | null;
}

/**
 * Reads an item from its first paragraph (`text`, after a GFM checkbox if the
 * parser found one). Null when it is not a task: no box and no id token.
 * `[-]` (which GFM does not know) is a box too: the task is cancelled.
 */
export function itemFields(
  text: string,
  block: { text: Span; checkbox: Span | null; checked: boolean | null },
  vocab: Vocabulary,
  repair: (s: string) => string,
): ItemFields | null {
  let { checkbox, checked, text: span } = block;
  if (!checkbox) {
    const m = /^\[-\][ \t]+(?=\S)/.exec(text.slice(span.start, span.end));
    if (m) {
      checkbox = { start: span.start, end: span.start + 3 };
      checked = false;
      span = { start: span.start + m[0].length, end: span.end };
    }
  }
  const raw = text.slice(span.start, span.end);
  const mark = leadingMark(text, span, (s) => vocab.isStatusEmoji(s));
  let afterMark = mark ? raw.slice(mark.end - span.start).replace(/^[ \t]+/, '') : raw;
  const claim = trailingOwnerMark(afterMark);
  if (claim) afterMark = afterMark.slice(0, claim.start);
  const parts = splitItem(afterMark);
  if (!checkbox && !parts.id) return null;
  let status: Status = 'none';
  let statusText = '';
  if (mark) {
    status = vocab.read(text.slice(mark.start, mark.end)).status;
    statusText = text.slice(mark.start, mark.end);
  }
  if (checkbox) {
    const box = text.slice(checkbox.start, checkbox.end);
    // A ticked box is done whatever else the line says; an open box with a
    // status mark (🔄, ⛔) keeps the mark's status.
    if (box === '[-]') status = 'cancelled';
    else if (checked) status = 'done';
    else if (status === 'none' || status === 'done') status = 'pending';
    statusText = [box, statusText].filter(Boolean).join(' ');
  }
  const show = (s: string | null): string | null => (s == null ? null : showEscapes(repair(plainText(s))));
  return {
    id: parts.id,
    title: show(parts.title) ?? '',
    notes: show(parts.notes) || null,
    owner: claim ? claim.owner : null,
    status,
    statusText: showEscapes(repair(statusText)),
    checkbox,
    checked,
    text: span,
    mark,
  };
}
