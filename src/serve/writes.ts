// The write routes: POST /api/move (the status, as `plan set`) and POST /api/edit (title or owner, as
// `plan edit`), each with the revision of the task as the page showed it (state.ts): a task changed since
// is refused, and the refusal's reason (that, read_only, chars_limit, a lock held, …) goes back to the page.

import type { IncomingMessage } from 'node:http';
import { setStatusOp, type OpResult } from '../actions/set.js';
import { namedInPlan, writeTarget } from '../actions/target.js';
import type { Task } from '../model/types.js';
import { editOp, type TaskChanges } from '../actions/edit.js';
import { taskJson } from '../render/json.js';
import { UsageError } from '../system/errors.js';
import { revisionOf, sameRevision, type ServedPlan } from './state.js';
import { sendJson, type Handler } from './server.js';

/** A write's body is a few fields; anything larger is not from the page. */
const MAX_BODY = 64 * 1024;

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new UsageError('a write must be sent as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new UsageError('the request is too large');
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new UsageError('the request is not JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError('the request must be a JSON object');
  return value as Record<string, unknown>;
}

function text(v: Record<string, unknown>, key: string, required = true): string | undefined {
  const x = v[key];
  if (x === undefined && !required) return undefined;
  if (typeof x !== 'string') throw new UsageError(`the request needs "${key}" (text)`);
  return x;
}

/**
 * The file and id a write to the task the page calls `id` goes to, and the revision check on it
 * there: in a plan of several files the task is named as the plan names it (`sprint2.md#1.3`)
 * when the page saw it, so its revision is taken under that name.
 */
async function target(served: ServedPlan, id: string, rev: string) {
  const to = typeof served === 'string' ? { path: served, id, filters: {} } : await writeTarget(served.explicit, id, {});
  const check = sameRevision(rev);
  const guard = (before: Task, display: string) => check(to.ref === undefined ? before : { ...before, id: to.ref }, display);
  return { to, guard };
}

export function writeRoutes(served: ServedPlan, touch: boolean): Map<string, Handler> {
  const opts = { canForce: false, touch };
  const answer = (res: Parameters<Handler>[1], r: OpResult) =>
    sendJson(res, 200, { ok: true, changed: r.changed, task: { ...taskJson(r.task), rev: revisionOf(r.task) } });
  return new Map<string, Handler>([
    [
      'POST /api/move',
      async (req, res) => {
        const v = await body(req);
        const { to, guard } = await target(served, text(v, 'id')!, text(v, 'rev')!);
        const r = await setStatusOp(to.path, to.id, text(v, 'status')!, to.filters, opts, undefined, guard);
        answer(res, namedInPlan(r, to));
      },
    ],
    [
      'POST /api/edit',
      async (req, res) => {
        const v = await body(req);
        const changes: TaskChanges = { title: text(v, 'title', false), owner: text(v, 'owner', false) };
        const { to, guard } = await target(served, text(v, 'id')!, text(v, 'rev')!);
        answer(res, namedInPlan(await editOp(to.path, to.id, changes, to.filters, opts, guard), to));
      },
    ],
  ]);
}
