// The merged text, built from git's hunks over the placeholder texts: each
// placeholder expanded into its task's merged lines (or a conflict around
// them), tasks only added or moved around one place ordered without a
// conflict, and tasks changed on one side but deleted on the other put back
// as conflicts beside their neighbours.

import type { Keyed } from './keys.js';
import type { Outcome } from './outcomes.js';
import type { Tokens } from './placeholders.js';
import type { Hunk, MergeFileOptions } from './merge-file.js';
import { later } from './dates.js';

interface Piece {
  key?: string;
  text: string;
}

/** Builds the result from git's hunks, expanding placeholders into tasks. */
export class Assembly {
  conflicts = 0;
  conflicted: string[] = [];
  private pieces: Piece[] = [];
  private emitted = new Set<string>();

  constructor(
    private readonly k: Keyed,
    private readonly results: Map<string, Outcome>,
    private readonly tokens: Tokens,
    private readonly stamps: [string[], string[], string[]],
    private readonly opts: MergeFileOptions,
    private readonly eol: string,
  ) {}

  add(h: Hunk): void {
    if (h.type === 'clean') {
      for (const line of h.lines) this.line(line);
      return;
    }
    const sides = [h.ours, h.base, h.theirs].map((ls) => ls.map((l) => this.tokens.keyOf(l)));
    if (sides.every((keys) => keys.every((x) => x !== null))) {
      // Only tasks moved, added or removed on both sides around one place: no text to fight over.
      for (const key of sequence(sides[0] as string[], sides[1] as string[], sides[2] as string[])) this.task(key);
      return;
    }
    const side = (ls: string[], which: 0 | 1 | 2) => ls.map((l) => this.sideLine(l, which)).join('');
    this.conflict(side(h.ours, 1), side(h.theirs, 2), side(h.base, 0), null);
  }

  /** The result text, with tasks changed on one side and deleted on the other put back as conflicts. */
  finish(): string {
    for (const [key, r] of this.results) {
      if (r.clean !== false || !('deletedBy' in r) || this.emitted.has(key)) continue;
      const order = r.deletedBy === 'theirs' ? this.k.oursOrder : this.k.theirsOrder;
      const at = this.placeOf(order, key);
      const before = this.pieces;
      this.pieces = before.slice(0, at);
      this.conflict(r.ours, r.theirs, r.base, key);
      for (const p of before.slice(at)) this.pieces.push(p); // not push(...): one piece per task overflows the stack on big plans
    }
    return this.pieces.map((p) => p.text).join('');
  }

  private line(line: string): void {
    const key = this.tokens.keyOf(line);
    if (key !== null) this.task(key);
    else this.pieces.push({ text: this.tokens.unstamp(line, (i) => later(this.stamps[1][i]!, this.stamps[2][i]!)) });
  }

  private task(key: string): void {
    const r = this.results.get(key);
    if (!r || r.clean === 'deleted') return;
    if (this.emitted.has(key)) {
      // Moved to two places, one on each side: keep one, and let a person choose.
      this.conflict(r.clean === true ? r.text : r.ours, '', '', key);
      return;
    }
    this.emitted.add(key);
    if (r.clean === true) this.pieces.push({ key, text: r.text });
    else this.conflict(r.ours, r.theirs, r.base, key);
  }

  /** A line of one side of a conflict: that side's version of a task, that side's stamps. */
  private sideLine(line: string, which: 0 | 1 | 2): string {
    const key = this.tokens.keyOf(line);
    if (key === null) return this.tokens.unstamp(line, (i) => this.stamps[which][i]!);
    this.emitted.add(key);
    const r = this.results.get(key);
    const seg = [this.k.base, this.k.ours, this.k.theirs][which]!.get(key);
    if (which === 0 || !r || r.clean === 'deleted') return seg?.text ?? '';
    if (r.clean === true) return r.text;
    return which === 1 ? r.ours : r.theirs;
  }

  private conflict(ours: string, theirs: string, base: string, key: string | null): void {
    const eol = this.eol;
    const end = (s: string) => (s === '' || s.endsWith('\n') ? s : s + eol);
    const { labels, markerSize: n, diff3 } = this.opts;
    const text = [
      `${'<'.repeat(n)} ${labels.ours}${eol}`,
      end(ours),
      diff3 ? `${'|'.repeat(n)} ${labels.base}${eol}${end(base)}` : '',
      `${'='.repeat(n)}${eol}`,
      end(theirs),
      `${'>'.repeat(n)} ${labels.theirs}${eol}`,
    ].join('');
    this.pieces.push({ key: key ?? undefined, text });
    this.conflicts++;
    if (key !== null) {
      this.emitted.add(key);
      const t = (this.k.ours.get(key) ?? this.k.theirs.get(key) ?? this.k.base.get(key))?.task;
      if (t) this.conflicted.push(`${t.id} (line ${t.line})`);
    }
  }

  /** Where a task goes: after the nearest task before it on its side, else before the nearest after it. */
  private placeOf(order: string[], key: string): number {
    const i = order.indexOf(key);
    const index = (k: string) => this.pieces.findIndex((p) => p.key === k);
    for (let j = i - 1; j >= 0; j--) {
      const at = index(order[j]!);
      if (at >= 0) return at + 1;
    }
    for (let j = i + 1; j < order.length; j++) {
      const at = index(order[j]!);
      if (at >= 0) return at;
    }
    return this.pieces.length;
  }
}

/**
 * The tasks of a hunk where each side only added, moved or removed tasks:
 * ours in its order (less what theirs removed), theirs' additions after
 * their neighbour.
 */
export function sequence(ours: string[], base: string[], theirs: string[]): string[] {
  const out = ours.filter((k) => !(base.includes(k) && !theirs.includes(k)));
  theirs.forEach((k, i) => {
    if (out.includes(k) || base.includes(k)) return;
    const after = theirs
      .slice(0, i)
      .reverse()
      .find((x) => out.includes(x));
    const before = theirs.slice(i + 1).find((x) => out.includes(x));
    let at = after !== undefined ? out.indexOf(after) + 1 : before !== undefined ? out.indexOf(before) : out.length;
    // Ours first: past what ours added at the same place.
    while (at < out.length && !base.includes(out[at]!) && !theirs.includes(out[at]!)) at++;
    out.splice(at, 0, k);
  });
  return out;
}
