// `plan help <topic>`: the docs (docs/<topic>.md, bundled as text by the
// build) as plain text on a terminal, raw Markdown when piped; `plan help
// <command>` and `plan help` are the commands' --help, as before. Loaded only
// when `plan help` runs, so the docs cost the other commands nothing.

import configuration from '../../docs/configuration.md';
import development from '../../docs/development.md';
import git from '../../docs/git.md';
import mcp from '../../docs/mcp.md';
import reading from '../../docs/reading.md';
import serve from '../../docs/serve.md';
import reference from '../../docs/reference.md';
import views from '../../docs/views.md';
import writing from '../../docs/writing.md';
import { EXIT, UsageError } from '../system/errors.js';
import { markdownAsText } from '../render/markdown.js';
import type { Context } from './context.js';

/** Topic → its Markdown, in the order `plan help` lists them. */
export const TOPICS: Readonly<Record<string, string>> = { reading, writing, views, serve, git, mcp, configuration, reference, development };

export interface HelpCommands {
  /** The names (and aliases) `plan help <name>` shows the --help of. */
  names: readonly string[];
  /** Prints a command's --help (the program's, without a name); its exit code. */
  show(name?: string): Promise<number>;
}

export async function help(ctx: Context, topic: string | undefined, commands: HelpCommands): Promise<number> {
  const doc = topic === undefined ? undefined : TOPICS[topic.toLowerCase()];
  if (doc !== undefined) {
    ctx.out(ctx.mode === 'table' ? markdownAsText(doc, ctx.width) : doc);
    return EXIT.ok;
  }
  if (topic === undefined || commands.names.includes(topic)) return commands.show(topic);
  throw new UsageError(`no help topic "${topic}"; the topics are ${Object.keys(TOPICS).join(', ')}, and every command (plan help <command>)`);
}
