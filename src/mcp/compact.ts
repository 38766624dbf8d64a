// A compact `tools/list`. Every tool's definition is paid for in each
// client's context, so the schemas are sent without what carries no meaning
// for a client: the `$schema` line, integer bounds of ±2^53,
// `additionalProperties: false` on results, `propertyNames` of type string, `additionalProperties: {}` (what
// JSON Schema allows anyway), `type: "string"` beside an `enum` of strings (the enum says it), and an integer's
// `exclusiveMinimum: 0` is said `minimum: 1`. Arguments are still validated by
// the registered zod schemas, results still conform to what is announced.

import { z } from 'zod';
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/** What a tool was registered with (src/mcp/tools.ts records it). */
export interface ToolSpec {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: z.ZodRawShape;
  outputSchema?: z.ZodRawShape;
  annotations?: Tool['annotations'];
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** A JSON schema without the parts that say nothing to a client. */
function trim(node: unknown, output: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => trim(n, output));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema') continue;
    if ((k === 'maximum' && v === SAFE) || (k === 'minimum' && v === -SAFE)) continue;
    if (output && k === 'additionalProperties' && v === false) continue;
    if (k === 'propertyNames' && JSON.stringify(v) === '{"type":"string"}') continue; // JSON keys are strings
    if (k === 'additionalProperties' && JSON.stringify(v) === '{}') continue; // the default: any further keys
    if (k === 'type' && v === 'string' && stringEnum((node as { enum?: unknown }).enum)) continue;
    if (k === 'exclusiveMinimum' && v === 0 && (node as { type?: unknown }).type === 'integer') {
      out.minimum = 1;
      continue;
    }
    out[k] = trim(v, output);
  }
  return out;
}

function stringEnum(values: unknown): boolean {
  return Array.isArray(values) && values.length > 0 && values.every((x) => typeof x === 'string');
}

function jsonSchema(shape: z.ZodRawShape | undefined, io: 'input' | 'output'): Tool['inputSchema'] {
  if (!shape) return { type: 'object', properties: {} };
  return trim(z.toJSONSchema(z.object(shape), { target: 'draft-7', io, unrepresentable: 'any' }), io === 'output') as Tool['inputSchema'];
}

function toolDefinitions(specs: ToolSpec[]): Tool[] {
  return specs.map((s) => ({
    name: s.name,
    ...(s.title ? { title: s.title } : {}),
    ...(s.description ? { description: s.description } : {}),
    inputSchema: jsonSchema(s.inputSchema, 'input'),
    ...(s.outputSchema ? { outputSchema: jsonSchema(s.outputSchema, 'output') as Tool['outputSchema'] } : {}),
    ...(s.annotations ? { annotations: s.annotations } : {}),
  }));
}

/** Answers `tools/list` with the compact definitions (computed once: they never change while serving). */
export function useCompactToolList(server: McpServer, specs: ToolSpec[]): void {
  const tools = toolDefinitions(specs);
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
}
