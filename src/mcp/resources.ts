// The MCP resources: the plan file itself (plan://file, its current Markdown;
// a plan of several files gives every file, and each is plan://file/<path>
// too) and one per task (plan://task/{id}, the JSON `plan show <id> --json`
// prints). All are read from the files on every request.
//
// A task id that several tasks share (the same id in two sprints) is listed
// once per task with the task's line: plan://task/3.1?line=40.

import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { asPlanError, PlanError } from '../system/errors.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Task } from '../model/types.js';
import { countIds, idKey } from '../read/ids.js';

import { loadPlanFiles } from '../load/plan-set.js';
import type { Filters } from '../query/filter.js';
import { resolvePlanTask } from '../query/resolve.js';
import { SCHEMA_VERSION, taskJson, toJson } from '../render/json.js';
import type { ToolContext } from './tool.js';
import { dependencyFields } from '../render/deps.js';

/** MCP's code for a resource that does not exist (the spec's resources page). */
const RESOURCE_NOT_FOUND = -32002;

const FILE_URI = 'plan://file';

function taskUri(id: string, line?: number): string {
  return `plan://task/${encodeURIComponent(id)}${line === undefined ? '' : `?line=${line}`}`;
}

/** The id and line a task URI names (the URL is parsed rather than the template's raw match). */
function parseTaskUri(uri: URL): { id: string; filters: Filters } {
  // plan://task/<id>[?line=N]: host "task", path "/<id>".
  const raw = uri.pathname.replace(/^\//, '');
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    throw new PlanError(`${uri.href}: not a task URI; use plan://task/<id> as resources/list shows them`);
  }
  const line = uri.searchParams.get('line');
  return { id, filters: line ? { line } : {} };
}

type PlanPath = Pick<ToolContext, 'planPath' | 'files'>;

/** One file of a plan of several files: plan://file/<its path as the plan names it>. */
function fileUri(display: string): string {
  return `${FILE_URI}/${encodeURIComponent(display)}`;
}

/**
 * The files of the plan as MCP contents: the one file as plan://file, or each file
 * of a plan of several (those that hold tasks, as the tools see the plan) as
 * plan://file/<path>. The Markdown as it is on disk now.
 */
async function fileContents(ctx: PlanPath): Promise<{ uri: string; mimeType: string; text: string }[]> {
  const set = await loadPlanFiles(ctx.files);
  if (set.files.length === 0) return [{ uri: FILE_URI, mimeType: 'text/markdown', text: set.loaded.text }];
  return set.files.map((f) => ({ uri: fileUri(f.display), mimeType: 'text/markdown', text: f.text }));
}

/** plan://file: the plan's file, or every file of a plan of several (one content each, named by its own URI). */
async function readFile(ctx: PlanPath, uri: URL) {
  const contents = await fileContents(ctx);
  return { contents: contents.length === 1 && contents[0]!.uri === FILE_URI ? [{ ...contents[0]!, uri: uri.href }] : contents };
}

/** plan://file/{path}: one file of a plan of several files; any other path is not found (no other file is ever read). */
async function readOneFile(ctx: PlanPath, uri: URL) {
  const found = (await fileContents(ctx)).find((c) => c.uri === uri.href);
  if (!found) throw new McpError(RESOURCE_NOT_FOUND, `${uri.href}: not a file of the plan; resources/list names each one`, { uri: uri.href });
  return { contents: [found] };
}

/** The files of a plan of several files, one resource each (none for a plan of one file: plan://file is it). */
async function listFiles(ctx: PlanPath) {
  const set = await loadPlanFiles(ctx.files);
  return {
    resources: set.files.map((f) => ({
      uri: fileUri(f.display),
      name: f.display,
      title: f.display,
      description: `One file of the plan (${f.plan.tasks.length} ${f.plan.tasks.length === 1 ? 'task' : 'tasks'})`,
      mimeType: 'text/markdown',
    })),
  };
}

/** The plan the server serves: its one file, or its files joined. */
async function loaded(ctx: PlanPath) {
  return (await loadPlanFiles(ctx.files)).loaded;
}

/** One resource per task; a task whose id another shares is named with its line. */
async function listTasks(ctx: PlanPath) {
  const { plan } = await loaded(ctx);
  const count = countIds(plan.tasks);
  return {
    resources: plan.tasks.map((t) => ({
      uri: taskUri(t.id, count.get(idKey(t.id))! > 1 ? t.line : undefined),
      name: `${t.id} ${t.title}`.trim(),
      title: t.title || t.id,
      description: `${t.status}${t.owner ? `, ${t.owner}` : ''} (line ${t.line})`,
      mimeType: 'application/json',
    })),
  };
}

/** The ids that start with what the client typed. */
async function completeIds(ctx: PlanPath, value: string): Promise<string[]> {
  const { plan } = await loaded(ctx);
  const ids = [...new Set(plan.tasks.map((t) => t.id))];
  return ids.filter((id) => id.toLowerCase().startsWith(value.toLowerCase()));
}

/** plan://task/{id}: the JSON `plan show <id> --json` prints. */
async function readTask(ctx: PlanPath, uri: URL) {
  const { plan, display } = await loaded(ctx);
  const { id, filters } = parseTaskUri(uri);
  let task: Task;
  try {
    task = resolvePlanTask(plan, id, filters, display);
  } catch (e) {
    // No such task (or none single): the resource is not found, which MCP says with -32002, not an internal error.
    const refused = asPlanError(e);
    if (!refused) throw e;
    throw new McpError(RESOURCE_NOT_FOUND, refused.toolMessage ?? refused.message, { uri: uri.href });
  }
  const text = toJson({ schemaVersion: SCHEMA_VERSION, file: display, task: taskJson(task), ...dependencyFields(plan, task, true) });
  return { contents: [{ uri: uri.href, mimeType: 'application/json', text }] };
}

export function registerResources(server: McpServer, ctx: PlanPath): void {
  server.registerResource(
    'plan-file',
    FILE_URI,
    {
      title: 'The plan file',
      description: 'The Markdown plan file, as it is on disk now; for a plan of several files, every file, each named plan://file/<path>',
      mimeType: 'text/markdown',
    },
    (uri) => readFile(ctx, uri),
  );
  server.registerResource(
    'plan-file-part',
    new ResourceTemplate(`${FILE_URI}/{path}`, { list: () => listFiles(ctx) }),
    { title: 'A file of the plan', description: 'One file of a plan of several files, as it is on disk now', mimeType: 'text/markdown' },
    (uri) => readOneFile(ctx, uri),
  );
  const template = new ResourceTemplate('plan://task/{id}', { list: () => listTasks(ctx), complete: { id: (value) => completeIds(ctx, value) } });
  server.registerResource(
    'task',
    template,
    { title: 'A task', description: 'One task of the plan as JSON (the object `plan show <id> --json` prints)', mimeType: 'application/json' },
    (uri) => readTask(ctx, uri),
  );
}
