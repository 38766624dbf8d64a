// Every generated doc, from the code's tables and the hand-written docs:
// docs/reference.md (from the tables) and man/plan.1 (README's opening, then
// the reference and every topic). scripts/gen-docs.mjs writes them; the docs
// test compares them with the committed files.

import { referenceMarkdown } from './reference.js';
import { manPage } from './roff.js';

/** The topics in the man page's order (docs/<name>.md); development.md is for contributors, not users. */
const MAN_TOPICS = ['reference', 'reading', 'writing', 'views', 'git', 'mcp', 'configuration'] as const;

/** The README's opening paragraph: what plan is. */
function opening(readme: string): string {
  const afterTitle = readme.slice(readme.indexOf('\n') + 1).trimStart();
  return afterTitle.slice(0, afterTitle.search(/\n\s*\n/));
}

/**
 * Generated file (relative to the repository) → its content. `read` gives a
 * committed file's text (README.md, docs/*.md).
 */
export function generatedDocs(read: (path: string) => string, version: string): Map<string, string> {
  const reference = referenceMarkdown();
  const topics = MAN_TOPICS.map((t) => (t === 'reference' ? reference : read(`docs/${t}.md`)));
  return new Map([
    ['docs/reference.md', reference],
    ['man/plan.1', manPage({ version, description: opening(read('README.md')), topics })],
  ]);
}
