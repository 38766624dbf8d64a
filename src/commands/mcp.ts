// plan mcp: a Model Context Protocol server on stdio over the plan file
// (see src/mcp/). The SDK is loaded here, only when this command runs.

import type { Context } from './context.js';
import { locatePlanFiles } from '../load/files.js';

export async function mcp(ctx: Context, version: string): Promise<number> {
  // Fail now, with the usual message, when there is no plan file to serve;
  // each tool call resolves the file again.
  locatePlanFiles(ctx.opts.file);
  const { runServer } = await import('../mcp/server.js');
  await runServer({ file: ctx.opts.file, version });
  return 0;
}
