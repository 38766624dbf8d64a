// plan's own docs (`plan help <topic>`) as plain text for a terminal: headings
// on lines of their own, paragraphs and list items wrapped to the width, code
// indented, tables aligned, inline markup dropped. Links to another topic say
// how to read it (`plan help git`).

import { plainText } from '../text/plain.js';
import { textWidth } from '../text/width.js';
import { padEnd, wrap } from './fit.js';

const FENCE = /^\s*```/;
const ITEM = /^(\s*)([-*]|\d+\.)\s+/;

/** Inline Markdown as text: a link to another doc names its topic, an absolute one keeps its address. */
function inline(md: string): string {
  const links = md.replace(/\[([^\][]*)\]\(([^)\s]*)\)/g, (_m, text: string, url: string) => {
    const topic = /^(?:\.\.\/)?(?:docs\/)?([a-z-]+)\.md(?:#.*)?$/.exec(url);
    if (topic && topic[1] !== 'README') return `${text} (plan help ${topic[1]})`;
    return /^[a-z]+:/.test(url) ? `${text} (${url})` : text;
  });
  return plainText(links);
}

/** A table's rows aligned in columns; the last column wraps under itself when the row is wider than `width`. */
function table(rows: string[], width: number): string[] {
  const cells = rows
    .filter((r) => !/^\s*(?:\|\s*)?:?-{3,}/.test(r))
    .map((r) =>
      r
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((c) => inline(c.trim())),
    );
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => textWidth(r[i] ?? ''))));
  return cells.flatMap((r) => {
    const lead = `  ${r
      .slice(0, -1)
      .map((c, i) => `${padEnd(c, widths[i]!)}  `)
      .join('')}`;
    const last = wrap(r.at(-1) ?? '', Math.max(20, width - textWidth(lead)));
    return last.map((l, i) => `${i === 0 ? lead : ' '.repeat(textWidth(lead))}${l}`.trimEnd());
  });
}

/** A list item's or paragraph's text wrapped under its marker. */
function wrapped(text: string, lead: string, indent: number, width: number): string[] {
  const lines = wrap(inline(text), Math.max(20, width - textWidth(lead)), Math.max(20, width - indent));
  return lines.map((l, i) => (i === 0 ? lead + l : ' '.repeat(indent) + l));
}

export function markdownAsText(md: string, columns: number): string {
  const width = Math.min(columns, 100) - 1;
  const lines = md.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      for (i++; i < lines.length && !FENCE.test(lines[i]!); i++) out.push(`    ${lines[i]}`);
      i++;
    } else if (/^\s*\|/.test(line)) {
      const rows: string[] = [];
      for (; i < lines.length && /^\s*\|/.test(lines[i]!); i++) rows.push(lines[i]!);
      out.push(...table(rows, width));
    } else if (/^#{1,6}\s/.test(line)) {
      const text = inline(line.replace(/^#+\s+/, ''));
      out.push(line.startsWith('# ') ? text.toUpperCase() : text);
      i++;
    } else if (!line.trim() || /^<!--.*-->$/.test(line.trim())) {
      if (out.length && out.at(-1) !== '') out.push('');
      i++;
    } else {
      // A paragraph or list item runs on over the indented lines under it.
      const item = ITEM.exec(line);
      const parts = [item ? line.slice(item[0].length) : line.trim()];
      for (i++; i < lines.length && lines[i]!.trim() && !ITEM.test(lines[i]!) && !FENCE.test(lines[i]!) && !/^\s*[|#]/.test(lines[i]!); i++)
        parts.push(lines[i]!.trim());
      const text = parts.join(' ');
      if (item) out.push(...wrapped(text, `${item[1]}${item[2] === '*' || item[2] === '-' ? '•' : item[2]} `, item[0].length, width));
      else out.push(...wrapped(text, '', 0, width));
    }
  }
  return `${out.join('\n').trim()}\n`;
}
