// Damaged text: UTF-8 that was decoded through another code page (`‚úÖ` for ✅).

import type { Problem } from '../model/types.js';
import { findMojibake } from '../text/mojibake.js';
import { quote, type CheckInput } from './types.js';
import { LineIndex } from '../text/lines.js';

const CODE_PAGE_NAME = { macintosh: 'Mac Roman', windows1252: 'Windows-1252', latin1: 'Latin-1' } as const;

export function checkMojibake({ text }: CheckInput): Problem[] {
  const fixes = findMojibake(text);
  if (fixes.length === 0) return [];
  const pos = new LineIndex(text);
  return fixes.map((f) => ({
    ...pos.at(f.start),
    severity: 'error' as const,
    code: 'mojibake',
    message: `damaged text ${quote(f.damaged)} should read ${quote(f.repaired)} (UTF-8 read as ${CODE_PAGE_NAME[f.codePage]}); run \`plan fix\``,
  }));
}
