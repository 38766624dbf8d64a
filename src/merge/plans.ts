// The merge of three versions of a plan: tasks merged part by part (see
// task-merge.ts), everything else by git's own line merge, date stamps to the
// later date. Every byte of the result comes from one of the versions.

import { buildFromText } from '../load.js';
import { decode, encode } from '../text/decode.js';
import { stampEdits } from '../edit/stamps.js';
import type { Plan } from '../model/types.js';
import type { Span } from '../parse/blocks.js';
import { PlanError } from '../errors.js';
import { segmentsOf, type Segment } from './segments.js';
import { keyTasks, type Keyed } from './keys.js';
import { outcomes, type Outcome } from './outcomes.js';
import { Tokens } from './placeholders.js';
import { mergeFile, parseHunks, type Hunk, type Labels, type MergeFileOptions } from './merge-file.js';

export interface MergeResult {
  bytes: Buffer;
  /** Conflicts left in the result (each between markers). */
  conflicts: number;
  /** The tasks in conflict, as `id (line n)`. */
  conflicted: string[];
}

/** Markers git's line merge uses inside: long enough to be unlike anything in the file. */
const INNER_MARKER = 41;

export async function mergePlans(path: string, base: Buffer, ours: Buffer, theirs: Buffer, opts: MergeFileOptions): Promise<MergeResult> {
  const texts = [base, ours, theirs].map((b) => decode(b));
  const plans = await Promise.all(texts.map((t) => buildFromText(path, t.text, t.escaped)));
  const segs = texts.map((t, i) => segmentsOf(t.text, plans[i]!));
  if (segs.some((s) => s === null)) throw new PlanError('two tasks share a line');
  const [o, a, b] = segs as [Segment[], Segment[], Segment[]];
  const keyed = keyTasks(o, a, b);
  const tokens = new Tokens(texts.map((t) => t.text));
  const stamps = texts.map((t, i) => stampSpans(t.text, plans[i]!, segs[i]!));
  const masked = stamps.every((s) => s.length === stamps[0]!.length) ? stamps : stamps.map(() => []);
  const keysOf = [o.map((_, i) => `o${i}`), keyed.oursOrder, keyed.theirsOrder];
  const [mo, ma, mb] = texts.map((t, i) => tokens.mask(t.text, segs[i]!, keysOf[i]!, masked[i]!));
  const inner: Labels = { ours: `${tokens.token}ours`, base: `${tokens.token}base`, theirs: `${tokens.token}theirs` };
  const lines = mergeFile(encode(ma!), encode(mo!), encode(mb!), { labels: inner, markerSize: INNER_MARKER, diff3: true });
  const hunks = parseHunks(decode(lines.bytes).text, inner, INNER_MARKER);
  const values = masked.map((spans, i) => spans.map((s) => texts[i]!.text.slice(s.start, s.end)));
  const assembly = new Assembly(keyed, outcomes(keyed), tokens, values as [string[], string[], string[]], opts, plans[1]!.eol);
  for (const h of hunks) assembly.add(h);
  const text = assembly.finish();
  if (text.includes(tokens.token)) throw new PlanError('a placeholder survived the merge');
  return { bytes: encode(text), conflicts: assembly.conflicts, conflicted: assembly.conflicted };
}

/** Date stamps outside tasks: the spans a write would refresh. */
function stampSpans(text: string, plan: Plan, segments: Segment[]): Span[] {
  // stampEdits finds the stamps a write would set to today; set to 1970 they all differ.
  return stampEdits(text, plan.frontMatter.span, plan.bodyStart, { SOURCE_DATE_EPOCH: '0' })
    .filter((e) => !segments.some((s) => e.start < s.end && s.start < e.end))
    .sort((x, y) => x.start - y.start);
}

/** The later of two dates written in the same format. */
export function later(x: string, y: string): string {
  const dx = x.replace(/\D/g, '');
  const dy = y.replace(/\D/g, '');
  return dy.length === dx.length && dy > dx ? y : x;
}

interface Piece {
  key?: string;
  text: string;
}

/** Builds the result from git's hunks, expanding placeholders into tasks. */
class Assembly {
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
      this.pieces.push(...before.slice(at));
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
    const after = theirs.slice(0, i).reverse().find((x) => out.includes(x));
    const before = theirs.slice(i + 1).find((x) => out.includes(x));
    let at = after !== undefined ? out.indexOf(after) + 1 : before !== undefined ? out.indexOf(before) : out.length;
    // Ours first: past what ours added at the same place.
    while (at < out.length && !base.includes(out[at]!) && !theirs.includes(out[at]!)) at++;
    out.splice(at, 0, k);
  });
  return out;
}
