// The write routes: POST /api/move (the status, as `plan set`) and POST /api/edit (title or owner, as
// `plan edit`), each with the revision of the task as the page showed it (state.ts): a task changed since
// is refused, and the refusal's reason (that, read_only, chars_limit, a lock held, …) goes back to the page.

import type { IncomingMessage } from 'node:http';
import { setStatusOp } from '../actions/set.js';
import { editOp, type TaskChanges } from '../actions/edit.js';
import { taskJson } from '../render/json.js';
import { UsageError } from '../system/errors.js';
import { revisionOf, sameRevision } from './state.js';
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

export function writeRoutes(path: string, touch: boolean): Map<string, Handler> {
  const opts = { canForce: false, touch };
  return new Map<string, Handler>([
    [
      'POST /api/move',
      async (req, res) => {
        const v = await body(req);
        const r = await setStatusOp(path, text(v, 'id')!, text(v, 'status')!, {}, opts, undefined, sameRevision(text(v, 'rev')!));
        sendJson(res, 200, { ok: true, changed: r.changed, task: { ...taskJson(r.task), rev: revisionOf(r.task) } });
      },
    ],
    [
      'POST /api/edit',
      async (req, res) => {
        const v = await body(req);
        const changes: TaskChanges = { title: text(v, 'title', false), owner: text(v, 'owner', false) };
        const r = await editOp(path, text(v, 'id')!, changes, {}, opts, sameRevision(text(v, 'rev')!));
        sendJson(res, 200, { ok: true, changed: r.changed, task: { ...taskJson(r.task), rev: revisionOf(r.task) } });
      },
    ],
  ]);
}
