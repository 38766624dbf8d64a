// Headings name scopes: `Sprint 8`, `Week 2-6`, `Month 2`, `Phase 5`,
// `Milestone 3`, wherever those words stand in the heading text.

import type { Scope, ScopeKind } from '../model/types.js';
import { normaliseRange } from './scope-range.js';
import { allMatches } from '../text/all-matches.js';
import { hasDigit } from '../text/char-tests.js';

// A release or a horizon is a milestone; a stage a phase; an iteration a sprint.
const WORDS: Record<string, ScopeKind> = {
  sprint: 'sprint',
  sprints: 'sprint',
  iteration: 'sprint',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  phase: 'phase',
  phases: 'phase',
  stage: 'phase',
  milestone: 'milestone',
  milestones: 'milestone',
  release: 'milestone',
  horizon: 'milestone',
  semana: 'week',
  mes: 'month',
  fase: 'phase',
  fases: 'phase',
  etapa: 'phase',
  hito: 'milestone',
  woche: 'week',
  monat: 'month',
  semaine: 'week',
  mois: 'month',
  étape: 'phase',
  // Slavic languages (Russian, Ukrainian, Czech, Polish): `Фаза 1`, `Этап 2`, `Спринт 3`, `Fáze 2`, `Tydzień 4`.
  фаза: 'phase',
  этап: 'phase',
  етап: 'phase',
  стадия: 'phase',
  спринт: 'sprint',
  итерация: 'sprint',
  неделя: 'week',
  тиждень: 'week',
  месяц: 'month',
  місяць: 'month',
  веха: 'milestone',
  релиз: 'milestone',
  fáze: 'phase',
  etap: 'phase',
  týden: 'week',
  tydzień: 'week',
  měsíc: 'month',
  miesiąc: 'month',
  // Turkish: `Faz 1`, `Aşama 2`, `Hafta 3`. Korean words written before the number: `스프린트 4`.
  faz: 'phase',
  aşama: 'phase',
  hafta: 'week',
  // Vietnamese: `Giai đoạn 1`, `Tuần 2`.
  'giai đoạn': 'phase',
  tuần: 'week',
  스프린트: 'sprint',
  마일스톤: 'milestone',
};

/** Korean counts a stage or a week with the number first, often with no space: `1단계`, `2 단계`, `3주차`. */
const KOREAN_WORDS: Record<string, ScopeKind> = { 단계: 'phase', 주차: 'week' };
const KOREAN_RE = new RegExp(String.raw`(?<![\p{N}.])(\d+(?:\s?[-~]\s?\d+)?)\s?(${Object.keys(KOREAN_WORDS).join('|')})`, 'gu');

/**
 * Chinese and Japanese write scopes without spaces, so a letter may stand before the word: `阶段2`,
 * `フェーズ3`, `スプリント 4` (word, then number), `第一阶段`, `第1-2周`, `第3週` (第, number, word).
 */
const CJK_WORDS: Record<string, ScopeKind> = {
  阶段: 'phase',
  階段: 'phase',
  フェーズ: 'phase',
  ステージ: 'phase',
  冲刺: 'sprint',
  迭代: 'sprint',
  スプリント: 'sprint',
  周: 'week',
  週: 'week',
  个月: 'month',
  月: 'month',
  里程碑: 'milestone',
  マイルストーン: 'milestone',
};
const CN_DIGITS = '〇零一二三四五六七八九十两';
const CJK_NUM = String.raw`(?:\d+(?:\s*[-–—~～]\s*\d+)?|[${CN_DIGITS}]{1,3})`;
const CJK_AFTER = ['阶段', '階段', 'フェーズ', 'ステージ', '冲刺', '迭代', 'スプリント', '里程碑', 'マイルストーン'];
const CJK_BEFORE = ['阶段', '階段', '周', '週', '个月', '月', '冲刺', '迭代', '里程碑'];
const CJK_RE = new RegExp(String.raw`(?:(${CJK_AFTER.join('|')})\s*(\d+(?:\.\d+)*)(?![\p{N}])|第\s*(${CJK_NUM})\s*(${CJK_BEFORE.join('|')}))`, 'gu');

/** `十二` → `12`, `三` → `3`, `1～2` → `1-2`: a Chinese numeral up to 99, or digits as they are. */
function cjkNumber(n: string): string {
  if (/\d/.test(n)) return n.replace(/(?<!\s)\s*[-–—~～]\s*/u, '-');
  const digit = (c: string | undefined): number => (c === '两' ? 2 : c === undefined ? 0 : Math.max(0, '〇一二三四五六七八九'.indexOf(c.replace('零', '〇'))));
  const ten = n.indexOf('十');
  if (ten < 0) return String(digit(n[0]));
  return String((ten === 0 ? 1 : digit(n[0])) * 10 + digit(n[ten + 1]));
}

const NUM = String.raw`\d+(?:\.\d+)*`;
// The end of a range is a number, not the start of a date (`Sprint 2 - 21/04 - 27/04` is sprint 2).
const SCOPE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${Object.keys(WORDS).join('|')})\s*(?:(?:#|no\.?)\s*)?(${NUM}(?:\s*[-–—]\s*${NUM}(?![/.:]\d))?)(?![\p{L}\p{N}/])`,
  'giu',
);

/** The scope a word names (`Phase`, `Sprints`, `Hito`), or null. */
export function scopeWord(word: string): ScopeKind | null {
  return WORDS[word.toLowerCase()] ?? null;
}

export function emptyScope(): Scope {
  return { sprint: null, week: null, month: null, phase: null, milestone: null };
}

/** The scopes a heading names (the first mention of each kind). */
export function scopesInHeading(text: string): Partial<Scope> {
  const found: Partial<Scope> = {};
  // SCOPE_RE and KOREAN_RE need an ASCII digit: a heading without one compiles neither.
  const digits = hasDigit(text);
  if (digits)
    for (const m of allMatches(SCOPE_RE, text)) {
      const kind = WORDS[m[1]!.toLowerCase()]!;
      if (found[kind] == null) found[kind] = normaliseRange(m[2]!);
    }
  if (/[\u3040-\u30ff\u4e00-\u9fff]/u.test(text)) {
    for (const m of allMatches(CJK_RE, text)) {
      const kind = CJK_WORDS[m[1] ?? m[4]!]!;
      if (found[kind] == null) found[kind] = m[1] ? m[2]! : cjkNumber(m[3]!);
    }
  }
  if (digits && /[\uac00-\ud7af]/u.test(text)) {
    for (const m of text.matchAll(KOREAN_RE)) {
      const kind = KOREAN_WORDS[m[2]!]!;
      if (found[kind] == null) found[kind] = normaliseRange(m[1]!.replace('~', '-'));
    }
  }
  return found;
}
