// The one status vocabulary every command shares: how status text is read
// (emoji, words in several languages, GitHub shortcodes, checkboxes) and how
// each canonical status is written by default.

import { HAN_KANA_MIN, hasCodeAtLeast, PICTOGRAPHIC_MIN } from '../text/char-tests.js';

export const STATUSES = ['done', 'in-progress', 'pending', 'blocked', 'cancelled', 'none'] as const;
export type Status = (typeof STATUSES)[number];
/** The statuses a writer can set (`none` is only ever read). */
export type SettableStatus = Exclude<Status, 'none'>;

/** Whether a writer can set `s` (every status but `none`: no status is only ever read). */
export function isSettable(s: string): s is SettableStatus {
  return (STATUSES as readonly string[]).includes(s) && s !== 'none';
}

// The two classes of status every command counts by: open work (still to do,
// whether started, waiting or not said) and finished work (done, or dropped).
// Each status is in exactly one.

/** Work still to do: started, waiting, blocked, or with no status written. `--status open` means these. */
export const OPEN_STATUSES: readonly Status[] = ['in-progress', 'pending', 'blocked', 'none'];
/** Work that is over: done or cancelled. */
export const FINISHED_STATUSES: readonly Status[] = ['done', 'cancelled'];

/** Whether a status is open work (see OPEN_STATUSES). */
export function isOpen(s: Status): boolean {
  return OPEN_STATUSES.includes(s);
}

/** Whether a status is finished work: done or cancelled. */
export function isFinished(s: Status): boolean {
  return FINISHED_STATUSES.includes(s);
}

export interface StatusStyle {
  emoji: string;
  label: string;
}

/** How `plan` writes a status when the file has no example of its own. */
export const DEFAULT_STYLE: Record<SettableStatus, StatusStyle> = {
  done: { emoji: '✅', label: 'Done' },
  'in-progress': { emoji: '🔄', label: 'In Progress' },
  pending: { emoji: '⏳', label: 'Pending' },
  blocked: { emoji: '⛔', label: 'Blocked' },
  cancelled: { emoji: '🚫', label: 'Cancelled' },
};

// Emoji that state a status on their own. "Weak" emoji (coloured circles and
// squares) mean different things in different files, so a recognised word after
// them wins: `🟡 Done` is done, `🟡 In Progress` in progress, `🟡` alone in progress.
const STRONG_EMOJI: Record<string, SettableStatus> = {
  '✅': 'done',
  '✔': 'done',
  '☑': 'done',
  '✓': 'done',
  '🎉': 'done',
  '💯': 'done',
  '🔄': 'in-progress',
  '🚧': 'in-progress',
  '⚙': 'in-progress',
  '🏗': 'in-progress',
  '🔨': 'in-progress',
  '⏩': 'in-progress',
  '▶': 'in-progress',
  '👷': 'in-progress',
  '🛠': 'in-progress',
  '⏳': 'pending',
  '⬜': 'pending',
  '🔲': 'pending',
  '☐': 'pending',
  '📋': 'pending',
  '🔜': 'pending',
  '📅': 'pending',
  '🗓': 'pending',
  '🕐': 'pending',
  '⌛': 'pending',
  '💤': 'pending',
  '🆕': 'pending',
  '❌': 'blocked',
  '⛔': 'blocked',
  '🛑': 'blocked',
  '⏸': 'blocked',
  '🚨': 'blocked',
  '✋': 'blocked',
  '🚫': 'cancelled',
  '⊘': 'cancelled',
  '🗑': 'cancelled',
  '✖': 'cancelled',
  '⏭': 'cancelled',
  // A cross beside a tick (`✓ done`, `✗ not yet`): work not done.
  '✗': 'pending',
  '✘': 'pending',
};
const WEAK_EMOJI: Record<string, SettableStatus> = {
  '🟢': 'done',
  '🟩': 'done',
  '🟡': 'in-progress',
  '🟨': 'in-progress',
  '🟠': 'in-progress',
  // Beside 🟢 done and 🟡 partial, 🔴 is work not done yet; `🔴 Blocked` says more.
  '🔵': 'in-progress',
  '🟦': 'in-progress',
  '⚪': 'pending',
  '⬛': 'pending',
  '🔴': 'pending',
  '🟥': 'pending',
  // A target or a warning sign marks what is next or not yet right: open work, unless a word says more.
  '🎯': 'pending',
  '⚠': 'pending',
};

// GitHub / mkdocs shortcodes seen in real files, read as the emoji they draw.
const SHORTCODES: Record<string, string> = {
  white_check_mark: '✅',
  heavy_check_mark: '✔',
  ballot_box_with_check: '☑',
  check: '✅',
  x: '❌',
  no_entry: '⛔',
  stop_sign: '🛑',
  octagonal_sign: '🛑',
  no_entry_sign: '🚫',
  construction: '🚧',
  arrows_counterclockwise: '🔄',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  white_large_square: '⬜',
  white_square_button: '🔲',
  clipboard: '📋',
  soon: '🔜',
  pause_button: '⏸',
  red_circle: '🔴',
  yellow_circle: '🟡',
  green_circle: '🟢',
  large_blue_circle: '🔵',
  'material-clock-outline': '⏳',
  'material-progress-wrench': '🚧',
  'material-check': '✅',
  'material-check-circle': '✅',
  'material-close': '❌',
  'material-progress-clock': '⏳',
};

// Words and phrases, lower-case, matched at the start of the text (after any
// emoji) on a word boundary; the longest phrase wins (`not started` before `started`).
const WORDS: Record<SettableStatus, string[]> = {
  done: [
    'done',
    'complete',
    'completed',
    'finished',
    'shipped',
    'implemented',
    'resolved',
    'closed',
    'merged',
    'delivered',
    'released',
    'passed',
    'verified',
    'fixed',
    'accepted',
    'ok',
    'success',
    'green',
    'completado',
    'completada',
    'terminado',
    'hecho',
    'listo',
    'terminé',
    'fait',
    'fini',
    'erledigt',
    'fertig',
    'abgeschlossen',
    'concluído',
    'concluido',
    'concluída',
    // Plurals head the lists of finished work (`## ✅ Concluídas`), as `completados` does.
    'concluídos',
    'concluídas',
    'feito',
    'готово',
    'виконано',
    'завершено',
    'выполнено',
    'completados',
    'completadas',
    'hotovo',
    'dokončeno',
    'splněno',
    'tamamlandı',
    'selesai',
    '完了',
    '完成',
    '已完成',
    '済',
    '済み',
    'مكتمل',
    'تم',
    // Polish, Czech/Slovak, Swedish, Danish, Norwegian, Finnish, Dutch, Italian, Turkish, Indonesian,
    // Vietnamese, Ukrainian/Russian, Korean, Hindi (romanised and Devanagari): their common words for done.
    'gotowe',
    'zrobione',
    'zakończone',
    'ukończone',
    'wykonane',
    'hotové',
    'dokončené',
    'vyřešeno',
    'klar',
    'klart',
    'färdig',
    'färdigt',
    'avklarad',
    'slutförd',
    'færdig',
    'udført',
    'afsluttet',
    'ferdig',
    'fullført',
    'utført',
    'valmis',
    'tehty',
    'klaar',
    'gereed',
    'afgerond',
    'voltooid',
    // Dutch `af`: finished (`### K1. Antwoord — af`).
    'af',
    'fatto',
    'completato',
    'completata',
    'bitti',
    'sudah selesai',
    // Implemented, resolved and fixed, as `implemented`, `resolved` and `fixed` say it in English: in Spanish and
    // Portuguese, Italian, French, German, Russian, Chinese and Japanese. Singular only: a cell says it of one task,
    // and a plural closes headings of features (`## Proteções Implementadas`) as often as of finished work.
    'implementado',
    'implementada',
    'implementato',
    'implementata',
    'implémenté',
    'implémentée',
    'implementiert',
    'umgesetzt',
    'реализовано',
    '已实现',
    '実装済み',
    'resuelto',
    'resuelta',
    'resolvido',
    'resolvida',
    'corregido',
    'corrigido',
    'corrigé',
    'behoben',
    'hoàn thành',
    'đã hoàn thành',
    'đã xong',
    'xong',
    'зроблено',
    'сделано',
    'завершён',
    'завершен',
    '완료',
    '완료됨',
    'ho gaya',
    'pura hua',
    'पूर्ण',
    'पूरा',
    'entregue',
  ],
  'in-progress': [
    'in progress',
    'in-progress',
    'wip',
    'doing',
    'active',
    'ongoing',
    'started',
    'working',
    'underway',
    'under way',
    'in review',
    'partial',
    'partially',
    'partially implemented',
    'partially done',
    'mostly done',
    // Partly done, in the words a status cell uses for it (`一部` alone: see WHOLE_ONLY).
    'teilweise',
    'parcial',
    'parcialmente',
    'parziale',
    'parzialmente',
    'partiel',
    'partiellement',
    'częściowo',
    'частково',
    'částečně',
    'gedeeltelijk',
    'kısmen',
    '部分完成',
    '部分完了',
    '一部完了',
    '一部',
    '부분 완료',
    '일부 완료',
    'en proceso',
    'em progresso',
    'in corso',
    'probíhá',
    'rozpracováno',
    'у процесі',
    'в роботі',
    'en progreso',
    'en curso',
    'en cours',
    'in bearbeitung',
    'em andamento',
    'в процессе',
    'в работе',
    '进行中',
    '進行中',
    '评审中',
    '审核中',
    '审查中',
    '測試中',
    '测试中',
    'レビュー中',
    '対応中',
    '作業中',
    'جاري',
    'قيد التنفيذ',
    'w trakcie',
    'w toku',
    'w realizacji',
    'v řešení',
    'prebieha',
    'pågår',
    'pågående',
    'påbörjad',
    'i gang',
    'igangværende',
    'under arbejde',
    'under arbeid',
    'kesken',
    'työn alla',
    'käynnissä',
    'bezig',
    'in uitvoering',
    'in lavorazione',
    'devam ediyor',
    'sürüyor',
    'sedang dikerjakan',
    'sedang berjalan',
    'dalam proses',
    'dalam pengerjaan',
    'đang thực hiện',
    'đang làm',
    'đang tiến hành',
    'в процесі',
    'виконується',
    'выполняется',
    '진행중',
    '진행 중',
    'chal raha hai',
    'प्रगति में',
    'progredindo',
    'progressing',
    'in arbeit',
    'en desarrollo',
  ],
  pending: [
    'pending',
    'todo',
    'to do',
    'to-do',
    'planned',
    'not started',
    'upcoming',
    'backlog',
    'future',
    'queued',
    'later',
    'tbd',
    'not done',
    'incomplete',
    'not implemented',
    'chưa bắt đầu',
    'chưa làm',
    // A bug register's open states: the issue stands, known (and perhaps worked around), not yet fixed.
    'known issue',
    'has workaround',
    'unimplemented',
    'scheduled',
    'proposed',
    'ready',
    // `next` is what comes after the current work: not started yet (`🔄 Next` stays in progress: the emoji wins).
    'next',
    'up next',
    'prochain',
    'prochains',
    'prochaine',
    'prochaines',
    'nächste',
    'próximo',
    'próximos',
    'próxima',
    'próximas',
    'unassigned',
    'unclaimed',
    'not tested',
    'not checked',
    'not yet',
    'open',
    'needs investigation',
    'pendientes',
    'não iniciado',
    'naplánováno',
    'не перевірено',
    'не тестовано',
    'не розпочато',
    'pendiente',
    'planificado',
    'planeado',
    'por hacer',
    'à faire',
    'a faire',
    'prévu',
    'offen',
    'geplant',
    'pendente',
    'pendentes',
    'запланировано',
    'очікує',
    '未完了',
    '未着手',
    '未対応',
    '予定',
    '待办',
    '待定',
    // 待 + a verb: waiting to be begun, done, fixed, built (`🟡 待修复`: the words say more than a colour).
    '待开始',
    '待处理',
    '待修复',
    '待开发',
    '待完成',
    '未实现',
    '未実装',
    '未开始',
    '尚未开始',
    '计划',
    '已规划',
    '规划中',
    '草稿',
    'قيد الانتظار',
    'do zrobienia',
    'zaplanowane',
    'nie rozpoczęto',
    'oczekuje',
    'k řešení',
    'nezahájeno',
    'nezačato',
    'nezačaté',
    'att göra',
    'planerad',
    'ej påbörjad',
    'ikke startet',
    'ikke påbegyndt',
    'planlagt',
    'å gjøre',
    'tekemättä',
    'suunniteltu',
    'aloittamatta',
    'ei aloitettu',
    'te doen',
    'nog te doen',
    'gepland',
    'da fare',
    // Italian: missing, not there yet (`| Interni selezionati | MANCANTE |`).
    'mancante',
    'pianificato',
    'yapılacak',
    'planlandı',
    'başlanmadı',
    'belum dimulai',
    'belum selesai',
    'direncanakan',
    'chưa bắt đầu',
    'chưa làm',
    'заплановано',
    'не начато',
    'ожидает',
    '대기',
    '대기중',
    '예정',
    '미착수',
    'baaki',
    'karna hai',
    'लंबित',
    'não entregue',
    'not delivered',
    'a fazer',
    'planejado',
    'en attente',
    'zu erledigen',
    'in planung',
    // `Deferred to Sprint 3`: moved to a later time, still to do there (deferred alone reads as set aside: blocked).
    'deferred to',
    'postponed to',
    'pushed to',
  ],
  blocked: [
    'blocked',
    'parked',
    'shelved',
    'on hold',
    'on-hold',
    'stuck',
    'paused',
    'waiting',
    'deferred',
    'failed',
    'failing',
    'broken',
    'red',
    'bloqueado',
    'en pausa',
    'bloqué',
    'blockiert',
    'заблокировано',
    'ブロック',
    '阻塞',
    '保留',
    'zablokowane',
    'wstrzymane',
    'zablokováno',
    'pozastaveno',
    'blockerad',
    'pausad',
    'blokeret',
    'blokkert',
    'estetty',
    'odottaa',
    'geblokkeerd',
    'bloccato',
    'in attesa',
    'engellendi',
    'beklemede',
    'diblokir',
    'tertunda',
    'menunggu',
    'bị chặn',
    'tạm dừng',
    'заблоковано',
    'призупинено',
    'отложено',
    '보류',
    '차단됨',
    'अवरुद्ध',
    'pausiert',
    'pausado',
    // On hold, put off: stopped until something changes.
    'angehalten',
    'zurückgestellt',
    'en espera',
    'em espera',
    'suspendido',
    'suspenso',
    'in sospeso',
    'sospeso',
    'en pause',
    'en suspens',
    'suspendu',
    'приостановлено',
    'на паузе',
    '一時停止',
    '暂停',
    '搁置',
    'askıda',
    'ditunda',
  ],
  cancelled: [
    'cancelled',
    'canceled',
    'dropped',
    "won't do",
    'wont do',
    "won't fix",
    'wontfix',
    // A bug tracker's resolutions for a report that asks for no change.
    'by design',
    'as designed',
    'works as designed',
    'abandoned',
    'rejected',
    'out of scope',
    'out-of-scope',
    'skipped',
    'obsolete',
    'superseded',
    'cancelado',
    'descartado',
    'annulé',
    'abgebrochen',
    'отменено',
    '中止',
    '取消',
    '却下',
    'anulowane',
    'porzucone',
    'zrušeno',
    'zrušené',
    'avbruten',
    'inställd',
    'annulleret',
    'aflyst',
    'avbrutt',
    'kansellert',
    'peruttu',
    'peruutettu',
    'geannuleerd',
    'vervallen',
    'annullato',
    'iptal',
    'iptal edildi',
    'dibatalkan',
    'đã hủy',
    'скасовано',
    '취소',
    'रद्द',
    'verworfen',
  ],
};

const STOPPED: ReadonlySet<Status> = new Set(['blocked', 'cancelled']);

/** A file's or repository's own additions: word or emoji → status. */
export type VocabularyExtension = Record<string, SettableStatus>;

export interface StatusReading {
  status: Status;
  /** The emoji that carried the status, as written (without U+FE0F), if any. */
  emoji: string | null;
  /** The recognised word or phrase, as written in the text, if any. */
  word: string | null;
  /** Offsets in the text read of the phrase the status was read from (0, 0 for `none`). */
  start: number;
  end: number;
}

const shared = new Map<string, Vocabulary>();

const DEFERRED = /^(?:deferred|postponed)$/iu;
/** A later time named in brackets after `Deferred`: `(Sprint 7)`, `(to v2)`, `(Q3)`. */
const LATER_TIME = /^\s*\(\s*(?:to\s+|until\s+)?(?:sprint|iteration|week|phase|milestone|release|v\d|q[1-4]\b)/iu;

export class Vocabulary {
  /** One vocabulary per extension, built once per process (it holds a few hundred words). */
  static of(extension: VocabularyExtension = {}): Vocabulary {
    const key = JSON.stringify(extension);
    let v = shared.get(key);
    if (!v) shared.set(key, (v = new Vocabulary(extension)));
    return v;
  }

  private readonly words = new Map<string, SettableStatus>();
  private readonly emoji = new Map<string, { status: SettableStatus; strong: boolean }>();
  private maxWords = 1;
  /** The first word of each phrase in `words`: a text starting with any other word is no phrase's (most titles and cells). */
  private readonly firstWords = new Set<string>();
  /** A file's own tokens that are not words (`[0.5]`, `P1/2`), matched as written. */
  private readonly tokens = new Map<string, SettableStatus>();

  constructor(extension: VocabularyExtension = {}) {
    for (const [status, list] of Object.entries(WORDS) as [SettableStatus, string[]][]) {
      for (const w of list) this.addWord(w, status);
    }
    for (const [e, s] of Object.entries(STRONG_EMOJI)) this.emoji.set(e, { status: s, strong: true });
    for (const [e, s] of Object.entries(WEAK_EMOJI)) this.emoji.set(e, { status: s, strong: false });
    for (const [key, status] of Object.entries(extension)) {
      const k = stripVS(key.trim());
      if (isEmojiOnly(k)) this.emoji.set(k, { status, strong: true });
      else if (/^[\p{L}\p{M}\p{N}'’\s_-]+$/u.test(k)) this.addWord(k, status);
      else if (k) this.tokens.set(k, status);
    }
  }

  private addWord(w: string, status: SettableStatus): void {
    const key = normaliseWords(w);
    this.words.set(key, status);
    this.firstWords.add(key.split(' ')[0]!);
    this.maxWords = Math.max(this.maxWords, key.split(' ').length);
  }

  /**
   * Reads the status at the start of `text` (already plain, repaired text).
   * `start`/`end` are the offsets in `text` of the phrase it was read from
   * (emoji and words, U+FE0F included), so a writer replaces exactly that.
   */
  read(whole: string): StatusReading {
    const text = statusHead(whole);
    const box = /^\s*\[([ xX])\]/.exec(text);
    if (box) return { status: box[1] === ' ' ? 'pending' : 'done', emoji: null, word: null, start: box[0].length - 3, end: box[0].length };
    const token = this.tokens.size ? this.leadingToken(text) : null;
    if (token) return token;
    // Leading formatting, quotes, and damaged bytes (U+FFFD, escaped invalid UTF-8) before the status.
    // Offsets below are in `s` (no variation selectors) and mapped back at the end.
    const s = stripVS(text);
    let p = /^[\s*_`~[\](){}"'“”‘’«»\uFFFD\uDC80-\uDCFF]*/u.exec(s)![0].length;
    const start = p;
    const code = s.charCodeAt(p) === 0x3a ? /^:([a-z0-9_+-]+):/i.exec(s.slice(p)) : null;
    const coded = code ? SHORTCODES[code[1]!.toLowerCase()] : undefined;
    const first = coded ?? leadingSymbol(s.slice(p));
    let emoji: string | null = null;
    let emojiStatus: { status: SettableStatus; strong: boolean } | undefined;
    let emojiEnd = p;
    if (first) {
      const known = this.emoji.get(first);
      if (known) {
        emoji = first;
        emojiStatus = known;
      }
      p += coded ? code![0].length : first.length;
      emojiEnd = p;
      p += /^[\s*_`~:\-–—]*/u.exec(s.slice(p))![0].length;
    }
    const word = this.leadingWord(s.slice(p));
    let status: Status = 'none';
    // A stop mark (`⛔ Cancelled`, `🚫 Blocked`) says the work stopped; the word beside it says how.
    if (emojiStatus?.strong && !(word && STOPPED.has(emojiStatus.status) && STOPPED.has(word.status))) status = emojiStatus.status;
    else if (word) status = word.status;
    else if (emojiStatus) status = emojiStatus.status;
    // `DEFERRED (Sprint 7)`: put off to a named later time, still to do then, as `Deferred to Sprint 7` says.
    if (status === 'blocked' && word && DEFERRED.test(word.text) && LATER_TIME.test(s.slice(p + word.text.length))) status = 'pending';
    if (status === 'none') return { status, emoji, word: null, start: 0, end: 0 };
    const end = word ? p + word.text.length : emojiEnd;
    const [from, to] = s.length === text.length ? [start, end] : [fromStripped(text, start), fromStripped(text, end)];
    return { status, emoji, word: word ? word.text : null, start: from, end: to };
  }

  /** A token of the file's own (`[0.5]`) at the start of `text`, after formatting marks. */
  private leadingToken(text: string): StatusReading | null {
    const start = /^[\s*_`~]*/u.exec(text)![0].length;
    for (const [token, status] of this.tokens) {
      if (!text.startsWith(token, start) || /^[\p{L}\p{N}]/u.test(text.slice(start + token.length))) continue;
      return { status, emoji: null, word: token, start, end: start + token.length };
    }
    return null;
  }

  /** The recognised status word or phrase at the very start of `text`. */
  leadingWord(whole: string): { status: SettableStatus; text: string } | null {
    const text = statusHead(whole);
    // Tokens: runs of letters/digits/apostrophes from the very start, separated by `_`, `-`, spaces.
    const tokens: { value: string; end: number }[] = [];
    for (let at = 0; tokens.length < this.maxWords; ) {
      if (tokens.length) {
        SEPARATOR.lastIndex = at;
        if (!SEPARATOR.test(text)) break;
        at = SEPARATOR.lastIndex;
      }
      TOKEN.lastIndex = at;
      const m = TOKEN.exec(text);
      if (!m) break;
      // No phrase starts with this word: none can be read here, but in a script written without spaces.
      if (!tokens.length && !this.firstWords.has(lowerWords(m[0])) && !withoutSpaces(m[0])) return null;
      at = TOKEN.lastIndex;
      tokens.push({ value: m[0], end: at });
    }
    for (let n = tokens.length; n > 0; n--) {
      const end = tokens[n - 1]!.end;
      // `pending_resolution` and `Next.js` are other words, not `pending`/`next` + more text.
      if (WORD_JOINERS.has(text.charCodeAt(end)) && /^[_.-][\p{L}\p{N}]/u.test(text.slice(end, end + 2))) continue;
      // Tokens hold no separators: joined by one space, the phrase is normalised as normaliseWords would.
      const phrase = lowerWords(
        tokens
          .slice(0, n)
          .map((t) => t.value)
          .join(' '),
      );
      const status = this.words.get(phrase);
      if (status) return { status, text: text.slice(0, end) };
    }
    // `À confirmer`, `À déployer`: French `à` and a verb in the infinitive says the work is still to be done.
    if (tokens.length > 1 && lowerWords(tokens[0]!.value) === 'à' && FRENCH_INFINITIVE.test(lowerWords(tokens[1]!.value)))
      return { status: 'pending', text: text.slice(0, tokens[1]!.end) };
    // Scripts written without spaces (完了です): try known words as prefixes.
    const head = tokens[0]?.value;
    if (head && withoutSpaces(head)) {
      for (let len = Math.min(head.length, 6); len > 0; len--) {
        const status = WHOLE_ONLY.has(head.slice(0, len)) ? undefined : this.words.get(head.slice(0, len));
        if (status) return { status, text: head.slice(0, len) };
      }
    }
    return null;
  }

  /** The status the file's own vocabulary gives a box (`[-]` in a Kiro task list), if it gives one. */
  boxStatus(box: string): SettableStatus | undefined {
    return this.tokens.get(box);
  }

  /** Whether `symbol` (one emoji) names a status in this vocabulary. */
  isStatusEmoji(symbol: string): boolean {
    return this.emoji.has(stripVS(symbol));
  }

  /** The status an emoji names, and whether it is strong (wins over words). */
  emojiStatus(symbol: string): { status: SettableStatus; strong: boolean } | undefined {
    return this.emoji.get(stripVS(symbol));
  }

  /** The emoji a shortcode (`white_check_mark`) stands for. */
  static shortcode(code: string): string | undefined {
    return SHORTCODES[code.toLowerCase()];
  }

  /** Parses a status argument given on the command line (`done`, `wip`, `✅`). */
  parseArgument(arg: string): SettableStatus | null {
    const reading = this.read(arg);
    if (reading.status === 'none') return null;
    return reading.status;
  }
}

/**
 * A status is written in the first words of a cell, item or heading: the readers look at no more than this,
 * so a cell of megabytes costs no more than a short one (an expression over a 4.5 MB word exhausted the stack).
 */
const STATUS_HEAD = 1000;

/**
 * Words of a script without spaces that state a status only alone (a cell of `一部` says partly done), not as the
 * start of a longer word: `一部の画面を直す` is "fix some of the screens".
 */
const WHOLE_ONLY = new Set(['一部']);

/** A French verb in the infinitive (`confirmer`, `finir`, `prendre`). */
const FRENCH_INFINITIVE = /^\p{L}{2,}(?:er|ir|re)$/u;

/** Scripts written without spaces between words (完了です), where a status word may start a longer one. */
const WITHOUT_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Words without separators, normalised as normaliseWords does. */
// Turkish dotless ı and the dot of a lower-cased İ (i + U+0307) fold into i: `TAMAMLANDI` and `İptal` are the words.
// Each replacement runs only where its character is (most words have none of them): this runs for every word read.
function lowerWords(s: string): string {
  let lower = s.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  if (lower.includes('ı')) lower = lower.replace(/ı/g, 'i');
  return lower.includes('\u0307') ? lower.replace(/(?<=i)\u0307/g, '') : lower;
}

/** Whether `s` has a character of a script written without spaces (the expression only where one may be). */
function withoutSpaces(s: string): boolean {
  return hasCodeAtLeast(s, HAN_KANA_MIN) && WITHOUT_SPACES.test(s);
}

/** A word of a status phrase, and what may separate two (sticky: each is tried where the last one ended). */
// Marks (\p{M}) are parts of words: the vowel signs of Devanagari (`पूर्ण`), combining accents.
const TOKEN = /[\p{L}\p{M}\p{N}'’]+/uy;
const SEPARATOR = /[\s_-]+/y;
/** `_`, `.`, `-`: what joins a status word to more of one word (`pending_resolution`, `Next.js`). */
const WORD_JOINERS = new Set([0x5f, 0x2e, 0x2d]);

/** U+FE0E, U+FE0F: the variation selectors. */
const isSelector = (c: number): boolean => c === 0xfe0e || c === 0xfe0f;

function statusHead(text: string): string {
  return text.length > STATUS_HEAD ? text.slice(0, STATUS_HEAD) : text;
}

export function normaliseWords(s: string): string {
  return lowerWords(s)
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/**
 * The offset in `text` of offset `i` in stripVS(text), past any variation
 * selectors there (so a phrase ending in `✅` takes the `✅️`'s selector in).
 */
function fromStripped(text: string, i: number): number {
  let n = 0;
  let k = 0;
  for (; k < text.length && n < i; k++) if (!isSelector(text.charCodeAt(k))) n++;
  while (k < text.length && isSelector(text.charCodeAt(k))) k++;
  return k;
}

// Obsidian Tasks' signifiers: a date after 📅 (due), ⏳ (scheduled), 🛫 (start),
// ➕ (created), ✅ (done on) or ❌ (cancelled on); an id after 🆔 or ⛔ (depends
// on). There the emoji is a field's name, not a status: `📅 2025-01-30` is a due
// date even though 📅 alone reads as pending.
const DATE_SIGNIFIER = /^(?:📅|📆|🗓|⏳|⌛|🛫|➕|✅|❌)\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}(?![\d])/u;
const ID_SIGNIFIER = /^(?:🆔|⛔)\uFE0F?[ \t]*[a-z0-9][\w-]*(?:[ \t]*,[ \t]*[a-z0-9][\w-]*)*(?=\s|$)/u;

/** Whether `s` starts with an Obsidian Tasks signifier and its value (`📅 2025-01-30`, `⛔ abc123`): a field, never a status mark. */
export function startsWithSignifier(s: string): boolean {
  if (DATE_SIGNIFIER.test(s)) return true;
  // `⛔ Blocked` is a status; `⛔ abc123` (an id with a digit, or a list of ids) names the tasks it waits on.
  const id = ID_SIGNIFIER.exec(s);
  return !!id && (s.startsWith('🆔') || /\d|,/.test(id[0]));
}

/** A mark per status that no Obsidian Tasks signifier starts with: the mark written where the usual one would read as a field. */
const NEVER_SIGNIFIER: Record<SettableStatus, string> = { done: '✔', 'in-progress': '🔄', pending: '⬜', blocked: '🛑', cancelled: '🚫' };

/**
 * The mark to write for `status` before an item's text: `emoji`, unless with
 * the text after it that reads as a signifier and its value (`⛔ v2 app` is
 * "depends on v2", `⏳ 2025-01-30 review` a scheduled date), where the mark
 * would not say the status; then a mark of that status no signifier starts with.
 */
export function markBefore(emoji: string, status: SettableStatus, following: string): string {
  return startsWithSignifier(`${emoji} ${following}`) ? NEVER_SIGNIFIER[status] : emoji;
}

/** Removes variation selectors (U+FE0E, U+FE0F) so `✅️` and `✅` read alike. */
export function stripVS(s: string): string {
  return s.includes('\uFE0F') || s.includes('\uFE0E') ? s.replace(/[\uFE0E\uFE0F]/g, '') : s;
}

const EMOJI_RE = /^(?:\p{Extended_Pictographic}|[\u2190-\u21FF\u2300-\u23FF\u2460-\u27BF\u2B00-\u2BFF\u25A0-\u25FF⊘])(?:\u200D\p{Extended_Pictographic})*/u;

export function leadingSymbol(s: string): string | null {
  // Every character EMOJI_RE starts with is U+00A9 or above.
  if (!(s.charCodeAt(0) >= PICTOGRAPHIC_MIN)) return null;
  const m = EMOJI_RE.exec(s);
  return m ? m[0] : null;
}

function isEmojiOnly(s: string): boolean {
  const m = EMOJI_RE.exec(s);
  return !!m && m[0].length === s.length;
}

/** Parses `plan: statuses:` style maps, ignoring entries that name no status. */
export function toExtension(map: unknown): { extension: VocabularyExtension; invalid: string[] } {
  const extension: VocabularyExtension = {};
  const invalid: string[] = [];
  if (!map || typeof map !== 'object' || Array.isArray(map)) return { extension, invalid };
  const base = Vocabulary.of();
  for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
    const target = typeof value === 'string' ? (canonicalName(value) ?? base.parseArgument(value)) : null;
    if (target) extension[key] = target;
    else invalid.push(key);
  }
  return { extension, invalid };
}

export function canonicalName(s: string): SettableStatus | null {
  const n = normaliseWords(s).replace(/ /g, '-');
  return isSettable(n) ? n : null;
}
