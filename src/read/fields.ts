// The fields people plan with, typed: dates (due, scheduled, start, done on),
// a priority on one ordered scale, and tags. They are written in many ways: a
// `Due` or `Deadline` column, a `**Due:**` line under a heading task, Obsidian
// Tasks' signifiers after an item (`📅 2025-03-14`, `⏫`, `#tag`), todo.txt's
// `(A)`, `due:2025-03-14`, `+project` and `@context`. Reading never changes the
// file: the markers only leave the title a person reads, as dependency marks do.
//
// Dates are read in two steps: each task's date texts, then, knowing the
// file's other dates, what they mean. `3/4/2025` is the 3rd of April only
// where some other date of the file (`25/4/2025`) says the day comes first; a
// file whose slashed dates all fit both orders leaves them unread, and `check`
// says so. `Mar 14` takes the year of the file's other dates when they agree.

import type { Span } from '../parse/blocks.js';
import { normaliseHeader } from './columns.js';
import { priorityLevel } from './priority.js';
import { isoDate } from './iso-date.js';
import type { Problem, Task } from '../model/types.js';
import { hasDigit, hasLetterOrDigit } from '../text/char-tests.js';
import { allMatches } from '../text/all-matches.js';

/** The date fields of a task, as the model and `--json` name them. */
export type DateKind = 'due' | 'scheduled' | 'start' | 'doneDate';

// ---- where dates are written ------------------------------------------------

/** Column and field names (normalised, see columns.ts) that hold each date, in the languages the reader knows. */
const DATE_KEYS: Record<DateKind, readonly string[]> = {
  due: [
    'due',
    'due date',
    'due on',
    'due by',
    'deadline',
    'target',
    'target date',
    'eta',
    'end',
    'end date',
    'finish',
    'finish date',
    'date',
    'fecha',
    'fecha límite',
    'fecha limite',
    'vencimiento',
    'plazo',
    'échéance',
    'echeance',
    'date limite',
    'date limite',
    'fällig',
    'fälligkeit',
    'frist',
    'termin',
    'datum',
    'prazo',
    'data',
    'data limite',
    'data de entrega',
    '期限',
    '期日',
    '締切',
    '截止日期',
    '截止',
    '日期',
    'срок',
    'дедлайн',
    'дата',
  ],
  scheduled: ['scheduled', 'scheduled for', 'scheduled date', 'planned', 'planned date', 'planned for', 'programado', 'geplant', 'prévu', 'previsto'],
  start: [
    'start',
    'start date',
    'starts',
    'begin',
    'inicio',
    'fecha de inicio',
    'fecha inicio',
    'début',
    'date de début',
    'beginn',
    'início',
    'data de início',
    '開始',
    '開始日',
    '开始',
    '开始日期',
    'начало',
  ],
  doneDate: [
    'completed',
    'completed on',
    'completion date',
    'date completed',
    'done on',
    'done date',
    'finished',
    'finished on',
    'closed',
    'closed on',
    'completado',
    'terminado',
    'terminé',
    'erledigt am',
    'abgeschlossen',
    'concluído',
    'concluido',
    '完了日',
    '完成日期',
    'завершено',
  ],
};

const DATE_KEY = new Map<string, DateKind>();
for (const [kind, keys] of Object.entries(DATE_KEYS) as [DateKind, readonly string[]][]) for (const k of keys) DATE_KEY.set(k, kind);

/** The date a column or field name holds, if it names one. */
export function dateKindOf(header: string): DateKind | undefined {
  return DATE_KEY.get(normaliseHeader(header));
}

const TAG_KEYS = new Set([
  'tags',
  'tag',
  'labels',
  'label',
  'etiquetas',
  'etiqueta',
  'étiquettes',
  'schlagwörter',
  'schlagworte',
  'rótulos',
  '标签',
  'タグ',
  'ラベル',
  'метки',
  'теги',
]);

/** Whether a column or field name holds tags. */
export function isTagKey(header: string): boolean {
  return TAG_KEYS.has(normaliseHeader(header));
}

const ISO = String.raw`\d{4}-\d{2}-\d{2}`;
/** Obsidian Tasks' date signifiers and the date each sets (➕ created is read and set aside). */
const SIGNIFIERS: Record<string, DateKind | 'created' | 'cancelled'> = {
  '📅': 'due',
  '📆': 'due',
  '🗓': 'due',
  '⏳': 'scheduled',
  '⌛': 'scheduled',
  '🛫': 'start',
  '➕': 'created',
  '✅': 'doneDate',
  '❌': 'cancelled',
};
const SIGNIFIER = new RegExp(String.raw`(📅|📆|🗓|⏳|⌛|🛫|➕|✅|❌)\uFE0F?[ \t]*(${ISO})(?!\d)`, 'gu');
/**
 * Obsidian Tasks' recurrence: `🔁 every week`, the rule running to the next
 * signifier, tag or block id (the write path reads the same rule to write the
 * next occurrence, src/write/recurrence.ts).
 */
export const RECURRENCE = /🔁\uFE0F?[ \t]*([^📅📆🗓⏳⌛🛫➕✅❌🔺⏫🔼🔽⏬🆔⛔🔁^#]*)/u;
/** todo.txt's `due:2025-03-14` and `t:2025-03-10` (threshold: scheduled), and the common `start:`/`scheduled:`. */
export const KEY_VALUE = new RegExp(String.raw`(?<=^|\s)(due|t|scheduled|start):(${ISO})(?=\s|$)`, 'giu');
const TODO_KEYS: Record<string, DateKind> = { due: 'due', t: 'scheduled', scheduled: 'scheduled', start: 'start' };
/** `(due 2025-03-14)`, `(due: Mar 14)`, `(deadline 14.03.2025)`. */
const DUE_PAREN = /\((?:due|deadline|due by|due on)\b[:\s]+([^()]{4,30})\)/giu;
/** Obsidian Tasks' priorities, highest first, as standalone marks. */
export const PRIORITY_MARK = /(?<=^|\s)(🔺|⏫|🔼|🔽|⏬)\uFE0F?(?=\s|$)/gu;
/** todo.txt's priority: `(A)` to `(E)` at the very start of the text. */
export const TODO_PRIORITY = /^\(([A-E])\)[ \t]+(?=\S)/u;

/** The date, priority and recurrence marks out of a title (`Pay rent 🔁 every month 📅 2025-01-30 ⏫` → `Pay rent`); tags stay, they are words. */
export function stripFieldMarks(title: string): string {
  if (!mayHoldMarks(title)) return title;
  const out = title
    .replace(TODO_PRIORITY, '')
    .replace(SIGNIFIER, '')
    .replace(KEY_VALUE, '')
    .replace(DUE_PAREN, (m, value: string) => (dateText(value) ? '' : m))
    .replace(PRIORITY_MARK, '')
    .replace(new RegExp(RECURRENCE.source, 'gu'), ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  return out || title;
}

/** Cheap test: whether text may hold a field mark. */
function mayHoldMarks(text: string): boolean {
  return /[📅📆🗓⏳⌛🛫➕✅❌🔺⏫🔼🔽⏬🔁]|:\d{4}-|\(due|\(deadline|^\([A-E]\)/iu.test(text);
}

// ---- date texts ---------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

/** A date as written, before the file says what an ambiguous one means. */
export type DateText =
  | { kind: 'date'; y: number; m: number; d: number }
  | { kind: 'range'; from: [number, number, number]; to: [number, number, number] }
  /** `3/4/2025`: a and b are day and month in an order the file decides. */
  | { kind: 'slashed'; a: number; b: number; y: number }
  /** `Mar 14`: a year the file decides. */
  | { kind: 'yearless'; m: number; d: number };

const FORMS: [RegExp, (m: RegExpExecArray) => DateText | null][] = [
  [/(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/u, (m) => date(+m[1]!, +m[2]!, +m[3]!)],
  [/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])/u, (m) => date(+m[3]!, +m[2]!, +m[1]!)],
  [/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/u, (m) => slashed(+m[1]!, +m[2]!, year(m[3]!))],
  [new RegExp(String.raw`(?<![\p{L}])${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?![\d\p{L}])`, 'iu'), (m) => named(m[1]!, +m[2]!, m[3])],
  [new RegExp(String.raw`(?<![\d])(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s+(\d{4}))?(?![\p{L}\d])`, 'iu'), (m) => named(m[2]!, +m[1]!, m[3])],
  [/(?<!\d)(\d{4})-?W(\d{1,2})(?![\d])/u, (m) => isoWeek(+m[1]!, +m[2]!)],
  [/(?<![\p{L}])Q([1-4])[\s/-]+(\d{4})(?!\d)|(?<!\d)(\d{4})[\s/-]*Q([1-4])(?!\d)/u, (m) => quarter(+(m[2] ?? m[3])!, +(m[1] ?? m[4])!)],
];

/** The first date written in `text`, in any of the common forms; null when there is none. */
export function dateText(text: string): DateText | null {
  // Every form has a digit: text without one compiles none of them.
  if (!hasDigit(text)) return null;
  let best: { at: number; value: DateText } | null = null;
  for (const [re, read] of FORMS) {
    const m = re.exec(text);
    if (!m || (best && best.at <= m.index)) continue;
    const value = read(m);
    if (value) best = { at: m.index, value };
  }
  return best?.value ?? null;
}

function year(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function date(y: number, m: number, d: number): DateText | null {
  return valid(y, m, d) ? { kind: 'date', y, m, d } : null;
}

function slashed(a: number, b: number, y: number): DateText | null {
  if (a > 12 && b > 12) return null;
  if (a > 12) return date(y, b, a);
  if (b > 12) return date(y, a, b);
  return a === b ? date(y, a, b) : { kind: 'slashed', a, b, y };
}

function named(month: string, d: number, y: string | undefined): DateText | null {
  const m = MONTHS[month.toLowerCase().replace(/\.$/, '')] ?? MONTHS[month.toLowerCase().slice(0, 3)];
  if (!m || d < 1 || d > 31) return null;
  return y ? date(Number(y), m, d) : { kind: 'yearless', m, d };
}

function ymd(t: Date): [number, number, number] {
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

function isoWeek(y: number, w: number): DateText | null {
  if (w < 1 || w > 53) return null;
  // ISO week 1 holds the year's first Thursday; its Monday is at most 3 days before 4 January.
  const jan4 = Date.UTC(y, 0, 4);
  const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) - (w - 1) * 7) * 86400000;
  return { kind: 'range', from: ymd(new Date(monday)), to: ymd(new Date(monday + 6 * 86400000)) };
}

function quarter(y: number, q: number): DateText | null {
  if (y < 1900 || y > 2999) return null;
  return { kind: 'range', from: [y, q * 3 - 2, 1], to: ymd(new Date(Date.UTC(y, q * 3, 0))) };
}

/** What the file's dates say about its ambiguous ones: which of day and month comes first, and its year. */
export interface DateContext {
  dayFirst: boolean | null;
  year: number | null;
}

/** The context of a file's dates: slashed dates that only fit one order decide it; fully written dates that share a year give it. */
function dateContext(texts: readonly string[], fallbackYear: number | null): DateContext {
  let dayFirst = false;
  let monthFirst = false;
  const years = new Set<number>();
  for (const t of texts) {
    const m = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/u.exec(t);
    if (m) {
      if (+m[1]! > 12 && +m[2]! <= 12) dayFirst = true;
      if (+m[2]! > 12 && +m[1]! <= 12) monthFirst = true;
    }
    const d = dateText(t);
    if (d?.kind === 'date') years.add(d.y);
  }
  return { dayFirst: dayFirst === monthFirst ? null : dayFirst, year: years.size === 1 ? [...years][0]! : fallbackYear };
}

/** An ISO date for `kind`, or 'ambiguous' where only the file could say and it does not, or null for no date. */
export function resolveDate(text: string, kind: DateKind, ctx: DateContext): string | 'ambiguous' | null {
  const d = dateText(text);
  if (!d) return null;
  switch (d.kind) {
    case 'date':
      return isoDate(d.y, d.m, d.d);
    case 'range': {
      const [y, m, day] = kind === 'start' ? d.from : d.to;
      return isoDate(y, m, day);
    }
    case 'slashed': {
      if (ctx.dayFirst === null) return 'ambiguous';
      const [day, month] = ctx.dayFirst ? [d.a, d.b] : [d.b, d.a];
      return valid(d.y, month, day) ? isoDate(d.y, month, day) : null;
    }
    case 'yearless':
      if (ctx.year === null) return 'ambiguous';
      return valid(ctx.year, d.m, d.d) ? isoDate(ctx.year, d.m, d.d) : null;
  }
}

// ---- tags ---------------------------------------------------------------------

/**
 * `#tag` words: a letter, `_` or an emoji after the `#` (not `#12`, an issue;
 * `#🏢/companyA` is one of Obsidian Tasks' own examples), not after a letter
 * (`C#`) or `&` (`&#38;`).
 */
const HASH_TAG =
  /(?<![\p{L}\p{N}_&#/])#([\p{L}_\p{Extended_Pictographic}][\p{L}\p{N}_/\p{Extended_Pictographic}\uFE0F-]*[\p{L}\p{N}_\p{Extended_Pictographic}\uFE0F]|[\p{L}_\p{Extended_Pictographic}])/gu;
const PLUS_PROJECT = /(?<=^|\s)\+([\p{L}][\p{L}\p{N}_.-]*[\p{L}\p{N}_]|[\p{L}])(?=\s|$)/gu;
const AT_CONTEXT = /(?<=^|\s)@([\p{L}][\p{L}\p{N}_.-]*[\p{L}\p{N}_]|[\p{L}])(?=\s|$)/gu;

/** Text without what holds no tags: code spans, links and their targets, URLs, HTML. */
function tagSearchText(raw: string): string {
  return raw
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[[^[\]]*\]\([^()]*\)/g, ' ')
    .replace(/\[[^[\]]*\]\[[^[\]]*\]/g, ' ')
    .replace(/<[^<>\n]*>/g, ' ')
    .replace(/\b(?:https?|ftp):\/\/\S+/gi, ' ');
}

/** Whether a line is written in todo.txt's way (a `(A)` priority, a `key:date`, a `+project`): then `@word` is a context. */
export function todoTxtStyle(text: string): boolean {
  TODO_PRIORITY.lastIndex = 0;
  return TODO_PRIORITY.test(text) || /(?:^|\s)(?:due|t):\d{4}-/u.test(text) || /(?<=^|\s)\+\p{L}/u.test(text);
}

/** The tags of a title or item as written: `#tags`, and on a todo.txt-style line `+project` and `@context` (but the owner's `@name`). */
function tagsIn(raw: string, owner: string | null): string[] {
  // Every tag starts with `#`, `+` or `@`; HASH_TAG is compiled only when a `#` can start one (it costs milliseconds).
  if (!/[#+@]/.test(raw)) return [];
  const text = tagSearchText(raw);
  const tags = (text.includes('#') ? allMatches(HASH_TAG, text) : []).map((m) => m[1]!).filter((t) => !/^[0-9a-f]{6}$/i.test(t) || !/\d/.test(t));
  if (todoTxtStyle(text)) {
    for (const m of allMatches(PLUS_PROJECT, text)) tags.push(m[1]!);
    for (const m of allMatches(AT_CONTEXT, text)) if (m[1] !== owner) tags.push(m[1]!);
  }
  return tags;
}

/** A Tags or Labels cell: words separated by commas or spaces, a leading `#` dropped. */
function tagsOfCell(cell: string): string[] {
  return cell
    .split(/[,;\s]+/u)
    .map((t) => t.replace(/^[#+@]/, '').replace(/[`*_]/g, ''))
    .filter((t) => hasLetterOrDigit(t));
}

// ---- estimates ----------------------------------------------------------------

/** Columns and fields that hold an estimate; those that count points say so when a cell has no unit. */
const ESTIMATE_KEYS = new Map<string, 'points' | null>([
  ['estimate', null],
  ['estimates', null],
  ['est', null],
  ['est.', null],
  ['estimation', null],
  ['effort', null],
  ['time estimate', null],
  ['estimación', null],
  ['estimacion', null],
  ['esfuerzo', null],
  ['aufwand', null],
  ['schätzung', null],
  ['estimativa', null],
  ['estimé', null],
  ['見積', null],
  ['见积', null],
  ['估算', null],
  ['оценка', null],
  ['points', 'points'],
  ['pts', 'points'],
  ['story points', 'points'],
  ['sp', 'points'],
  ['puntos', 'points'],
  ['punkte', 'points'],
]);

/** Whether a column or field name holds an estimate. */
export function isEstimateKey(header: string): boolean {
  return ESTIMATE_KEYS.has(normaliseHeader(header));
}

/** The units an estimate is written in, as `--json` names them. */
const UNITS: Record<string, string> = {
  m: 'min',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
  pt: 'points',
  pts: 'points',
  point: 'points',
  points: 'points',
  sp: 'points',
};

/** `3d`, `4h`, `5`, `5 pts`, `1.5 days` → a number and its unit (null: none written, none the column implies); null for anything else. */
export function estimateOf(cell: string, implied: 'points' | null = null): { value: number; unit: string | null } | null {
  const m = /^~?(\d{1,6}(?:[.,]\d{1,3})?)[ 	]*([a-z]{0,7})$/i.exec(cell.replace(/[*_`]/g, '').trim());
  if (!m) return null;
  const unit = m[2] ? UNITS[m[2].toLowerCase()] : implied;
  if (unit === undefined) return null;
  return { value: Number(m[1]!.replace(',', '.')), unit };
}

// ---- a plan's tasks -----------------------------------------------------------

/** The raw Markdown a task's own words are written in: the item's text, the heading's, the row's title cell. */
function ownText(text: string, t: Task): string {
  const s = t.source;
  let span: Span | undefined;
  if (s.type === 'item' || s.type === 'heading') span = s.text;
  else if (s.type === 'entry') span = s.text ?? undefined;
  else if (s.columns.title !== undefined) span = s.cells[s.columns.title];
  return span ? text.slice(span.start, span.end) : '';
}

interface Written {
  dates: Partial<Record<DateKind, { text: string; line: number }>>;
}

function writtenDates(text: string, t: Task): Written['dates'] {
  const dates: Written['dates'] = {};
  const set = (kind: DateKind, value: string) => {
    dates[kind] ??= { text: value, line: t.line };
  };
  const own = ownText(text, t);
  if (mayHoldMarks(own)) {
    for (const m of allMatches(SIGNIFIER, own)) {
      const kind = SIGNIFIERS[m[1]!];
      if (kind === 'cancelled') set('doneDate', m[2]!);
      else if (kind && kind !== 'created') set(kind, m[2]!);
    }
    for (const m of allMatches(KEY_VALUE, own)) set(TODO_KEYS[m[1]!.toLowerCase()]!, m[2]!);
    for (const m of allMatches(DUE_PAREN, own)) if (dateText(m[1]!)) set('due', m[1]!);
  }
  for (const [key, value] of Object.entries(t.fields)) {
    const kind = dateKindOf(key);
    if (kind && value.trim()) set(kind, value);
  }
  return dates;
}

/**
 * Gives each task its typed fields (due, scheduled, start, doneDate, priority
 * level, tags), reading its own text in `text` and its fields; date texts
 * that only the file could decide and does not are reported as problems.
 */
export function readTaskFields(tasks: Task[], text: string, problems: Problem[], fallbackYear: number | null): DateContext {
  const written = tasks.map((t) => writtenDates(text, t));
  const ctx = dateContext(
    written.flatMap((w) => Object.values(w).map((d) => d.text)),
    fallbackYear,
  );
  tasks.forEach((t, i) => {
    applyFields(t, text, written[i]!, ctx, problems);
  });
  return ctx;
}

/** One task's typed fields in a file whose dates say `ctx` (the cache's updater reads an edited row so). */
export function readOneTask(t: Task, text: string, ctx: DateContext): void {
  applyFields(t, text, writtenDates(text, t), ctx, []);
}

function applyFields(t: Task, text: string, dates: Written['dates'], ctx: DateContext, problems: Problem[]): void {
  for (const kind of ['due', 'scheduled', 'start', 'doneDate'] as const) {
    const d = dates[kind];
    const value = d ? resolveDate(d.text, kind, ctx) : null;
    if (value === 'ambiguous') {
      problems.push({
        line: t.line,
        column: 1,
        severity: 'warning',
        code: 'ambiguous-date',
        message: `"${d!.text.trim()}" could be read more than one way (day and month, or the year); no other date of the file says which: write it as YYYY-MM-DD`,
      });
    }
    if (value && value !== 'ambiguous') t[kind] = value;
    else delete t[kind];
  }
  const own = ownText(text, t);
  const priority = t.priority ?? ownPriority(own);
  if (priority !== null) t.priority ??= priority;
  const level = priority !== null ? priorityLevel(priority) : null;
  if (level) t.priorityLevel = level;
  else delete t.priorityLevel;
  const tags = tagsIn(own, t.owner);
  for (const [key, value] of Object.entries(t.fields)) if (isTagKey(key)) tags.push(...tagsOfCell(value));
  const unique = [...new Set(tags)];
  if (unique.length) t.tags = unique;
  else delete t.tags;
  const rule = RECURRENCE.exec(own)?.[1]?.trim();
  if (rule) t.recurrence = rule;
  else delete t.recurrence;
  const estimate = estimateIn(t.fields);
  if (estimate) t.estimate = estimate;
  else delete t.estimate;
}

/** The first Estimate, Points, SP or Effort field that reads as one. */
function estimateIn(fields: Record<string, string>): Task['estimate'] | null {
  for (const [key, value] of Object.entries(fields)) {
    const implied = ESTIMATE_KEYS.get(normaliseHeader(key));
    if (implied === undefined) continue;
    const e = estimateOf(value, implied);
    if (e) return e;
  }
  return null;
}

/** A priority written in the task's own text: an Obsidian mark or todo.txt's `(A)`. */
function ownPriority(raw: string): string | null {
  const letter = TODO_PRIORITY.exec(raw.replace(/^\s+/, ''));
  if (letter) return `(${letter[1]})`;
  const mark = /(?:^|\s)(🔺|⏫|🔼|🔽|⏬)\uFE0F?(?=\s|$)/u.exec(raw);
  return mark ? mark[1]! : null;
}
