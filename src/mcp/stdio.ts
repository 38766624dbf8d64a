// The MCP server's side of stdio: one JSON-RPC message per line. The SDK's own
// transport stops serving when a line passes 10 MiB (the server exits, later
// requests get EPIPE) and answers nothing to a line that is not a message, so
// the client waits forever. Here every line gets an answer and the server
// keeps serving: a line too long, or not JSON, or not one JSON-RPC message
// (an empty line, `[]`, a batch, `{}`) gets the JSON-RPC error it calls for.

import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { runtime, type Output } from '../system/runtime.js';

/** The longest message read; a longer line is answered with an error and skipped. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;

type Id = string | number | null;

function idOf(value: unknown): Id {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private parts: Buffer[] = [];
  private size = 0;
  /** The rest of a line over the limit is dropped as it comes. */
  private skipping = false;

  constructor(
    private readonly input: NodeJS.ReadableStream = runtime().stdin,
    private readonly output: Output = runtime().stdout,
    private readonly max = MAX_MESSAGE_BYTES,
  ) {}

  private readonly onData = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let start = 0; ; ) {
      const nl = bytes.indexOf(10, start);
      this.take(nl === -1 ? bytes.subarray(start) : bytes.subarray(start, nl));
      if (nl === -1) return;
      this.endLine();
      start = nl + 1;
    }
  };

  private readonly onInputError = (error: Error): void => {
    this.onerror?.(error);
  };

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('error', this.onInputError);
  }

  private take(piece: Buffer): void {
    if (this.skipping || piece.length === 0) return;
    if (this.size + piece.length > this.max) {
      this.parts = [];
      this.size = 0;
      this.skipping = true;
      this.refuse(null, INVALID_REQUEST, `Invalid Request: a message longer than ${this.max / 1048576} MiB; it was skipped`);
      return;
    }
    this.parts.push(piece);
    this.size += piece.length;
  }

  private endLine(): void {
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    const line = Buffer.concat(this.parts, this.size).toString('utf8').replace(/\r$/, '');
    this.parts = [];
    this.size = 0;
    this.handle(line);
  }

  private handle(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.refuse(null, PARSE_ERROR, line.trim() ? 'Parse error: the line is not JSON' : 'Parse error: an empty line');
      return;
    }
    if (Array.isArray(value)) {
      this.refuse(
        null,
        INVALID_REQUEST,
        value.length ? 'Invalid Request: batches are not supported; send one message per line' : 'Invalid Request: an empty batch',
      );
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(value);
    if (!message.success) {
      this.refuse(idOf(value), INVALID_REQUEST, 'Invalid Request: not a JSON-RPC 2.0 request, notification or response');
      return;
    }
    this.onmessage?.(message.data);
  }

  private refuse(id: Id, code: number, message: string): void {
    this.write({ jsonrpc: '2.0', id, error: { code, message } });
  }

  private write(value: unknown): Promise<void> {
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(value)}\n`)) resolve();
      else this.output.once('drain', () => resolve());
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.write(message);
  }

  async close(): Promise<void> {
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    this.parts = [];
    this.onclose?.();
  }
}
