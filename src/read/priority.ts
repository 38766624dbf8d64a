// A priority on one ordered scale, highest … lowest, from the ways people write it (`High`, `P0`, `(A)`, `⏫`).
// Its own module so that the item reader (a priority in a bold lead's parenthesis) and the field reader
// can both use it without importing each other.

import type { PriorityLevel } from '../model/types.js';

export const PRIORITY_LEVELS: readonly PriorityLevel[] = ['highest', 'high', 'medium', 'low', 'lowest'];

export const PRIORITY_EMOJI: Record<string, PriorityLevel> = { '🔺': 'highest', '⏫': 'high', '🔼': 'medium', '🔽': 'low', '⏬': 'lowest' };

const PRIORITY_WORDS: Record<string, PriorityLevel> = {
  highest: 'highest',
  critical: 'highest',
  crit: 'highest',
  urgent: 'highest',
  blocker: 'highest',
  'very high': 'highest',
  top: 'highest',
  high: 'high',
  hi: 'high',
  major: 'high',
  important: 'high',
  medium: 'medium',
  med: 'medium',
  mid: 'medium',
  normal: 'medium',
  moderate: 'medium',
  low: 'low',
  lo: 'low',
  minor: 'low',
  lowest: 'lowest',
  trivial: 'lowest',
  'very low': 'lowest',
  // Spanish, Portuguese, Italian, French, German
  crítica: 'highest',
  critica: 'highest',
  crítico: 'highest',
  urgente: 'highest',
  alta: 'high',
  alto: 'high',
  haute: 'high',
  élevée: 'high',
  hoch: 'high',
  media: 'medium',
  medio: 'medium',
  média: 'medium',
  moyenne: 'medium',
  mittel: 'medium',
  baja: 'low',
  bajo: 'low',
  baixa: 'low',
  bassa: 'low',
  basse: 'low',
  niedrig: 'low',
  高: 'high',
  中: 'medium',
  低: 'low',
  最高: 'highest',
  最低: 'lowest',
  высокий: 'high',
  средний: 'medium',
  низкий: 'low',
};

/**
 * A priority as written (`High`, `🔴 Critical`, `P0`, `(A)`, `⏫`) on the
 * scale highest … lowest; null for what is not one (`3`, `must`).
 */
export function priorityLevel(text: string): PriorityLevel | null {
  const t = text
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, (e) => (PRIORITY_EMOJI[e] ? e : ''))
    .replace(/[*_`]/g, '')
    .trim();
  const emoji = /^(🔺|⏫|🔼|🔽|⏬)/u.exec(t);
  if (emoji) return PRIORITY_EMOJI[emoji[1]!]!;
  const p = /^P([0-4])\b/i.exec(t);
  if (p) return PRIORITY_LEVELS[Number(p[1])]!;
  const letter = /^\(?([A-E])\)?$/.exec(t);
  if (letter) return PRIORITY_LEVELS[letter[1]!.charCodeAt(0) - 65]!;
  const lower = t.toLowerCase();
  const word = lower.endsWith(' priority') ? lower.slice(0, -' priority'.length).trimEnd() : lower;
  if (PRIORITY_WORDS[word]) return PRIORITY_WORDS[word];
  // `High — before launch`, `Low (nice to have)`: the first word.
  const first = /^[\p{L}]+(?:\s+(?:high|low))?/u.exec(word)?.[0];
  return first ? (PRIORITY_WORDS[first] ?? null) : null;
}

/** Whether a priority is at least `floor` (`high` takes highest and high). */
export function atLeast(level: PriorityLevel | null | undefined, floor: PriorityLevel): boolean {
  return !!level && PRIORITY_LEVELS.indexOf(level) <= PRIORITY_LEVELS.indexOf(floor);
}
