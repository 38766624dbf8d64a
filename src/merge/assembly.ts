// The merged text, built from git's hunks over the placeholder texts: each
// placeholder expanded into its task's merged lines (or a conflict around
// them), tasks only added or moved around one place ordered without a
// conflict, and tasks changed on one side but deleted on the other put back
// as conflicts beside their neighbours. A task that git's hunks never placed
// is put back too: nothing either side wrote is dropped.

import type { Keyed } from './keys.js';
import type { Outcome, Side } from './outcomes.js';
import type { Tokens } from './placeholders.js';
import type { Hunk, MergeFileOptions } from './merge-file.js';
import { later, type Stamp } from './dates.js';
import { moved } from './moved.js';

interface Piece {
  key?: string;
  text: string;
}

/** Builds the result from git's hunks, expanding placeholders into tasks. */
export class Assembly {
  conflicts = 0;
  conflicted: string[] = [];
  private pieces: Piece[] = [];
  /** Tasks written on ours' or theirs' behalf (never on the base's). */
  private emitted = new Set<string>();

  constructor(
    private readonly k: Keyed,
    private readonly results: Map<string, Outcome>,
    private readonly tokens: Tokens,
    /** Each version's stamp lines (base, ours, theirs). */
    private readonly stamps: [Map<string, Stamp>, Map<string, Stamp>, Map<string, Stamp>],
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
    if (this.refreshedStamps(h)) return;
    const side = (ls: string[], which: 0 | 1 | 2) => ls.map((l) => this.sideLine(l, which)).join('');
    this.conflict(side(h.ours, 1), side(h.theirs, 2), side(h.base, 0), null);
  }

  /** The result text, with every task git's hunks did not place put back as a conflict. */
  finish(): string {
    for (const [key, r] of this.results) {
      if (r.clean === 'deleted' || this.emitted.has(key)) continue;
      const keptBy: Side = 'deletedBy' in r && r.deletedBy === 'ours' ? 'theirs' : 'ours';
      const at = this.placeOf(keptBy === 'ours' ? this.k.oursOrder : this.k.theirsOrder, key);
      const before = this.pieces;
      this.pieces = before.slice(0, at);
      if (r.clean === true) this.conflict(r.text, r.text, '', key);
      else this.conflict(r.ours, r.theirs, r.base, key);
      for (const p of before.slice(at)) this.pieces.push(p); // not push(...): one piece per task overflows the stack on big plans
    }
    return this.pieces.map((p) => p.text).join('');
  }

  private line(line: string): void {
    const key = this.tokens.keyOf(line);
    if (key !== null) this.task(key);
    else this.pieces.push({ text: line });
  }

  private task(key: string): void {
    const r = this.results.get(key);
    if (!r) return;
    if (r.clean === 'deleted') {
      // git kept its line: the keeping side moved it, and a move is a change.
      if (r.kept && !this.emitted.has(key)) {
        const { by, text, base } = r.kept;
        this.conflict(by === 'ours' ? text : '', by === 'theirs' ? text : '', base, key);
      }
      return;
    }
    if (this.emitted.has(key)) {
      // Moved to two places, one on each side: keep one, and let a person choose.
      this.conflict(r.clean === true ? r.text : r.ours, '', '', key);
      return;
    }
    this.emitted.add(key);
    if (r.clean === true) this.pieces.push({ key, text: r.text });
    else this.conflict(r.ours, r.theirs, r.base, key);
  }

  /**
   * A conflict hunk whose lines pair up one to one, where the only lines
   * both sides changed are one stamp line refreshed on each: each line as
   * the side that changed it wrote it, the stamp with the later date.
   */
  private refreshedStamps(h: Extract<Hunk, { type: 'conflict' }>): boolean {
    const n = h.base.length;
    if (h.ours.length !== n || h.theirs.length !== n) return false;
    const out: string[] = [];
    let stamped = false;
    for (let i = 0; i < n; i++) {
      const [o, a, b] = [h.base[i]!, h.ours[i]!, h.theirs[i]!];
      if (a === b || b === o) out.push(a);
      else if (a === o) out.push(b);
      else {
        const line = this.laterStamp(o, a, b);
        if (line === null) return false;
        out.push(line);
        stamped = true;
      }
    }
    if (!stamped) return false;
    for (const line of out) this.line(line);
    return true;
  }

  /**
   * Of one stamp line refreshed on both sides, the one with the later date.
   * A refresh replaces the base's line (a side that still has it elsewhere
   * added a new stamp) and moves its date forward (back is an edit).
   */
  private laterStamp(o: string, a: string, b: string): string | null {
    const [so, sa, sb] = [this.stamps[0].get(o), this.stamps[1].get(a), this.stamps[2].get(b)];
    if (!so || !sa || !sb || so.key !== sa.key || sa.key !== sb.key) return null;
    if (this.stamps[1].has(o) || this.stamps[2].has(o)) return null;
    if (later(so.date, sa.date) !== sa.date || later(so.date, sb.date) !== sb.date) return null;
    const date = later(sa.date, sb.date);
    return date === null ? null : date === sa.date ? a : b;
  }

  /** A line of one side of a conflict: that side's version of a task, as that side placed it. */
  private sideLine(line: string, which: 0 | 1 | 2): string {
    const key = this.tokens.keyOf(line);
    if (key === null) return line;
    const seg = [this.k.base, this.k.ours, this.k.theirs][which]!.get(key);
    if (which === 0) return seg?.text ?? '';
    this.emitted.add(key);
    const r = this.results.get(key);
    if (!r || r.clean === 'deleted') return seg?.text ?? '';
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
 * their neighbour; a task one side moved and the other removed stays.
 */
export function sequence(ours: string[], base: string[], theirs: string[]): string[] {
  // A task one side moved and the other deleted stays, where the moving side put it: a move is a change.
  const [oursMoved, theirsMoved] = [moved(base, ours), moved(base, theirs)];
  const out = ours.filter((k) => !(base.includes(k) && !theirs.includes(k)) || oursMoved.has(k));
  theirs.forEach((k, i) => {
    if (out.includes(k) || (base.includes(k) && !theirsMoved.has(k))) return;
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
