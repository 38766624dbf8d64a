// How a file writes each status: learned from its own cells, so `plan set`
// writes `✅ Complete` in a file that says Complete, `✅` alone in a file of
// bare emoji, and the defaults (`✅ Done`, …) only where the file is silent.

import { DEFAULT_STYLE, normaliseWords, stripVS, type SettableStatus, type Status } from '../model/status.js';

export interface StyleExample {
  /** The status portion as written (repaired when damaged). */
  text: string;
  emoji: string | null;
  word: string | null;
  /** Which table it came from (-1 for list items). */
  table: number;
  /** Whether the reader knows the whole text as a status (`✅ Shipped`, not `✅ Shipped in v1.15.0`): preferred. */
  exact?: boolean;
}

/** How a list item shows its status: its box (`[x]`, `[-]`, none) and leading emoji (none, `✅`). */
export interface ItemPrefix {
  box: string | null;
  mark: string | null;
}

/**
 * Learns lazily: a 10,000-row file need not be read cell by cell when the
 * edited task's own table shows the style. `learn(table)` adds the examples of
 * one table; `learn(null)` those of the whole file (tables and list items).
 */
export class FileStyle {
  private readonly examples: StyleExample[] = [];
  private readonly byStatus = new Map<Status, StyleExample[]>();
  private readonly items = new Map<Status, ItemPrefix[]>();
  private readonly learnt = new Set<number>();
  private learntAll = false;

  /**
   * `markMeans`: what an emoji alone says (a mark written without words must say the status itself).
   * `legend`: how the file's status legend writes each status (`🔄 Em Andamento`).
   */
  constructor(
    private readonly learn: (table: number | null, style: FileStyle) => void = () => undefined,
    private readonly markMeans: (emoji: string) => Status | undefined = () => undefined,
    private readonly legend: Partial<Record<SettableStatus, string>> = {},
  ) {}

  private ensure(table: number | null): void {
    if (this.learntAll) return;
    if (table === null) {
      this.learntAll = true;
      this.learn(null, this);
    } else if (!this.learnt.has(table)) {
      this.learnt.add(table);
      this.learn(table, this);
    }
  }

  /** Whether examples of this table are already in (learn(null) skips them). */
  hasLearnt(table: number): boolean {
    return this.learnt.has(table);
  }

  add(status: Status, example: StyleExample): void {
    if (status === 'none') return;
    this.examples.push(example);
    const list = this.byStatus.get(status) ?? [];
    list.push(example);
    this.byStatus.set(status, list);
  }

  /** A list item's prefix for `status` (learnt only where its mark, if any, says the same status). */
  addItem(status: Status, prefix: ItemPrefix): void {
    if (status === 'none') return;
    const list = this.items.get(status) ?? [];
    list.push(prefix);
    this.items.set(status, list);
  }

  /**
   * The box and mark to write for `status` on an item with (`boxed`) or without
   * a box: the file's most common for that status (`[x] ✅`, `[-] ⏭️`), else a
   * ticked box for done, an open one otherwise, and the file's emoji for the
   * statuses a box cannot say (or for every status on an item without a box).
   */
  itemPrefixFor(status: SettableStatus, boxed: boolean): ItemPrefix {
    this.ensure(null);
    const same = (this.items.get(status) ?? []).filter((p) => (p.box !== null) === boxed);
    const common = mostCommon(same.map((p) => ({ ...p, text: JSON.stringify([p.box, p.mark]) })));
    if (common) {
      const [box, mark] = JSON.parse(common) as [string | null, string | null];
      return { box, mark };
    }
    if (!boxed) return { box: null, mark: this.emojiFor(status) };
    return { box: status === 'done' ? '[x]' : '[ ]', mark: status === 'done' || status === 'pending' ? null : this.emojiFor(status) };
  }

  /**
   * The text for one of the file's own words (`Needs QA` from `plan: statuses:`):
   * the file's most common cell with that word (`🧪 Needs QA`), else the word as the map spells it.
   */
  textForWord(key: string): string {
    this.ensure(null);
    const k = normaliseWords(stripVS(key));
    const same = this.examples.filter((e) => (e.word !== null && normaliseWords(e.word) === k) || (e.emoji !== null && e.emoji === k));
    return mostCommon(same) ?? key.trim();
  }

  /**
   * The text to write for `status` in a cell of `table`: the most common in
   * that table, else in the file; among them the texts the reader knows whole
   * (`✅ Shipped`) before those with more words (`✅ Shipped in v1.15.0`),
   * which are the file's style only where it has no other (`Partially Implemented`).
   */
  textFor(status: SettableStatus, table: number): string {
    this.ensure(table);
    const same = this.choose(
      status,
      (this.byStatus.get(status) ?? []).filter((e) => e.table === table),
    );
    if (same !== null) return same;
    this.ensure(null);
    return this.choose(status, this.byStatus.get(status) ?? []) ?? this.legend[status] ?? this.defaultText(status);
  }

  /**
   * The most common of `list`, those the reader knows whole first; where the
   * file's legend words the status (`🔄 Em Andamento`), cells in its words
   * first, and the legend's text over cells that all say it in other words
   * (`🔄 In Progress` beside `✅ Concluído`).
   */
  private choose(status: SettableStatus, list: StyleExample[]): string | null {
    const pick = (l: StyleExample[]) => mostCommon(l.filter((e) => e.exact !== false)) ?? mostCommon(l);
    const legend = this.legend[status];
    if (legend && list.length) {
      const word = normaliseWords(stripVS(legend).replace(/^[^\p{L}\p{N}]+/u, ''));
      const own = list.filter((e) => e.word !== null && normaliseWords(e.word) === word);
      if (own.length) return pick(own);
      if (word && list.every((e) => e.word !== null)) return legend;
    }
    return pick(list);
  }

  /** The emoji this file uses for `status` (for list-item marks). */
  emojiFor(status: SettableStatus): string {
    this.ensure(null);
    // `🟡 Pending` says pending by its word; 🟡 alone reads in progress, so it is not the mark for pending.
    const withEmoji = (this.byStatus.get(status) ?? []).filter((e) => e.emoji && (this.markMeans(e.emoji) ?? status) === status);
    return mostCommon(withEmoji.map((e) => ({ ...e, text: e.emoji! }))) ?? DEFAULT_STYLE[status].emoji;
  }

  private defaultText(status: SettableStatus): string {
    const { emoji, label } = DEFAULT_STYLE[status];
    const n = this.examples.length;
    const emojiOnly = this.examples.filter((e) => e.emoji && !e.word).length;
    const wordOnly = this.examples.filter((e) => !e.emoji && e.word).length;
    const words = this.examples.map((e) => e.word).filter((w): w is string => !!w && /\p{L}/u.test(w));
    let text = label;
    if (words.length && words.every((w) => w === w.toUpperCase())) text = label.toUpperCase();
    else if (words.length && words.every((w) => w === w.toLowerCase())) text = label.toLowerCase();
    if (n && emojiOnly * 2 > n) return emoji;
    if (n && wordOnly * 2 > n) return text;
    return `${emoji} ${text}`;
  }
}

function mostCommon(list: { text: string }[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let bestCount = 0;
  for (const e of list) {
    const c = (counts.get(e.text) ?? 0) + 1;
    counts.set(e.text, c);
    if (c > bestCount) {
      best = e.text;
      bestCount = c;
    }
  }
  return best;
}
