// The front matter's YAML, read: the project's one caller of gray-matter. The
// block is found by front-matter-find.ts's strict rule (so a file that merely
// starts with a `---` thematic break and never closes it is not swallowed
// whole); any language but YAML is refused, never evaluated; invalid YAML is
// reported with its line in the file.

import matter from 'gray-matter';
import { lineOf } from '../text/lines.js';
import { findFrontMatter, type FrontMatterBlock } from './front-matter-find.js';

interface FrontMatterProblem {
  line: number;
  message: string;
  kind: 'invalid-yaml' | 'unsupported-language' | 'not-a-mapping';
}

export interface FrontMatterResult {
  block: FrontMatterBlock | null;
  data: Record<string, unknown>;
  problem: FrontMatterProblem | null;
}

const refuse = {
  parse: () => {
    throw new Error('front matter in this language is never evaluated');
  },
};

export function readFrontMatter(text: string, from = 0): FrontMatterResult {
  const block = findFrontMatter(text, from);
  if (!block) return { block: null, data: {}, problem: null };
  const line = lineOf(text, block.start);
  if (block.language !== 'yaml' && block.language !== 'yml') {
    return {
      block,
      data: {},
      problem: {
        line,
        kind: 'unsupported-language',
        message: `front matter in "${block.language}" is not supported (only YAML is read; it was not evaluated)`,
      },
    };
  }
  const source = text.slice(block.sourceStart, block.sourceEnd);
  try {
    // Passing options (even empty ones) keeps gray-matter from caching and
    // sharing result objects between calls.
    const file = matter(`---\n${source.replace(/\r\n/g, '\n')}\n---\n`, {
      language: 'yaml',
      engines: { js: refuse, javascript: refuse, coffee: refuse, coffeescript: refuse },
    });
    const data = file.data as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { block, data: {}, problem: { line, kind: 'not-a-mapping', message: 'front matter is not a YAML mapping of keys to values' } };
    }
    return { block, data: data as Record<string, unknown>, problem: null };
  } catch (error) {
    const e = error as { mark?: { line?: number }; reason?: string; message?: string };
    // gray-matter hands js-yaml the text from the opening delimiter's line end,
    // so js-yaml's 0-based line 0 is the delimiter line itself.
    const at = typeof e.mark?.line === 'number' ? line + e.mark.line : line;
    // js-yaml recurses per level of nesting: a deep enough block exhausts the stack, and the engine's
    // own words ("Maximum call stack size exceeded") say nothing to the person who wrote it.
    const reason = error instanceof RangeError ? 'it nests too deeply' : (e.reason ?? e.message ?? 'invalid YAML').split('\n')[0];
    return { block, data: {}, problem: { line: at, kind: 'invalid-yaml', message: `invalid YAML front matter: ${reason}` } };
  }
}
