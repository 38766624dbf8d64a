// `plan -f *.md list`: the shell expands the glob before plan sees it, into
// `-f a.md b.md c.md list`, and commander would take `b.md` for the command
// (or, after the command, for an argument too many). Markdown files that follow
// a -f value are read as more -f values; any other path where the command
// should be is refused with a line saying to repeat -f.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../system/errors.js';

const isMarkdownName = (arg: string) => /\.(?:md|markdown)$/i.test(arg);

function isFile(cwd: string, arg: string): boolean {
  try {
    return statSync(resolve(cwd, arg)).isFile();
  } catch {
    return false;
  }
}

/** The value of `-f x`, `--file x` or `--file=x` at `args[i]`, and how many words it took; null for anything else. */
function fileOption(args: readonly string[], i: number): number | null {
  const a = args[i]!;
  if ((a === '-f' || a === '--file') && i + 1 < args.length) return 2;
  if (a.startsWith('--file=')) return 1;
  return null;
}

/**
 * `argv` (node, script, arguments) with the Markdown files the shell spread
 * after a -f given each its own -f. `commands`: the names a command may have.
 */
export function spreadFileArgs(argv: readonly string[], cwd: string, commands: ReadonlySet<string>): string[] {
  const out = argv.slice(0, 2);
  const args = argv.slice(2);
  let command = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    const took = fileOption(args, i);
    if (took === null) {
      if (!a.startsWith('-')) command = true;
      out.push(a);
      continue;
    }
    out.push(...args.slice(i, i + took));
    i += took;
    while (i < args.length && !args[i]!.startsWith('-') && !(!command && commands.has(args[i]!))) {
      const next = args[i]!;
      if (isMarkdownName(next) && isFile(cwd, next)) out.push('-f', next);
      else if (!command && isFile(cwd, next)) {
        throw new UsageError(`${next}: a file where the command should be; for several plan files repeat -f (-f a.md -f b.md), or quote a glob (-f '*.md')`);
      } else break;
      i++;
    }
    i--;
  }
  return out;
}
