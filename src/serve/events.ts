// The event stream (GET /api/events, Server-Sent Events): a `plan` event whenever the file's bytes change,
// seen by the watcher `plan watch` uses (load/watcher.ts), so a `plan set` in a terminal, an agent's write,
// an editor's save or a checkout all reach the page; the page then reads /api/state again.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileState, type followPlanFiles, sameState, Watchers, type PlanState } from '../load/watcher.js';

/** Quiet time after the last event before telling the pages: a save is often several events. */
const DEBOUNCE_MS = 100;
/** A comment line this often keeps proxies and the browser from closing an idle stream. */
const KEEPALIVE_MS = 20_000;

export class PlanEvents {
  private readonly clients = new Set<ServerResponse>();
  private readonly watchers: Watchers;
  private last: PlanState;
  private timer: NodeJS.Timeout | undefined;
  private keepalive: NodeJS.Timeout | undefined;
  private readonly state: () => PlanState;

  /** `plan`: the plan's one file, or a plan of several files followed (its files found again at each change). */
  constructor(plan: string | ReturnType<typeof followPlanFiles>) {
    const one = typeof plan === 'string';
    this.state = one ? () => [fileState(plan)] : plan.state;
    this.last = this.state();
    this.watchers = new Watchers(
      one ? plan : plan.watched,
      () => this.schedule(),
      () => this.schedule(),
    );
  }

  start(): void {
    this.watchers.follow();
    this.keepalive = setInterval(() => this.write(': keepalive\n\n'), KEEPALIVE_MS);
    this.keepalive.unref();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed(), DEBOUNCE_MS);
  }

  private changed(): void {
    try {
      this.watchers.follow(); // the file replaced, a link re-pointed, a file added
    } catch {
      // a folder that cannot be watched now (gone mid-checkout): the others still are
    }
    const now = this.state();
    if (sameState(now, this.last)) return;
    this.last = now;
    // `present`: the plan's one file is there (a plan of several files is, while its folder is).
    const present = now.length > 1 || typeof now[0] !== 'string';
    this.write(`event: plan\ndata: ${JSON.stringify({ present })}\n\n`);
  }

  private write(text: string): void {
    for (const res of this.clients) res.write(text);
  }

  add(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    // The first event says the stream is open: a page (or a test) knows from then on no change is missed.
    res.write('event: ready\ndata: {}\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  close(): void {
    clearTimeout(this.timer);
    clearInterval(this.keepalive);
    this.watchers.close();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
