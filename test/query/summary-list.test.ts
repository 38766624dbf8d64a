// Property: `plan summary` counts exactly what `plan list` lists under each
// group (the tasks in its heading's part of the file), on the seed, the
// fixtures and the corpus.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFromText } from '../../src/load/load.js';
import { figures, summarise } from '../../src/query/summary.js';
import type { Plan } from '../../src/model/types.js';
import { CORPUS, FIXTURES, SEED } from '../helpers/run.js';

/**
 * Every group whose figures are not those of the tasks `list` shows in its
 * part of the file: from its heading's line (a heading task stands on it) to
 * the next heading of the same or a higher level.
 */
function disagreements(plan: Plan): string[] {
  const { groups, total } = summarise(plan, plan.tasks);
  const headings = [...plan.headings].sort((a, b) => a.line - b.line);
  const out: string[] = [];
  for (const g of groups) {
    const at = headings.findIndex((h) => h.line === g.line);
    const h = headings[at]!;
    const end = headings.slice(at + 1).find((x) => x.depth <= h.depth)?.line ?? Number.POSITIVE_INFINITY;
    const listed = figures(plan.tasks.filter((t) => t.line >= h.line && t.line < end));
    if (JSON.stringify([g.done, g.total, g.counts]) !== JSON.stringify([listed.done, listed.total, listed.counts])) {
      out.push(`${plan.file}:${g.line} ${g.name}: summary ${g.done}/${g.total}, list ${listed.done}/${listed.total}`);
    }
  }
  if (JSON.stringify(total) !== JSON.stringify(figures(plan.tasks))) out.push(`${plan.file}: the file's total`);
  return out;
}

async function planOf(file: string): Promise<Plan> {
  return buildFromText(file, readFileSync(file, 'utf8'), false);
}

describe('summary counts what list lists', () => {
  it('counts a heading task under its own heading, not the one before', async () => {
    const text = [
      '# Roadmap',
      '',
      '#### Phase 1: Alpha ✅',
      '',
      'Build alpha.',
      '',
      '#### Phase 2: Beta ✅',
      '',
      '#### Phase 3: Gamma',
      '',
      '**Status:** In Progress',
      '',
      '#### Phase 4: Delta',
      '',
      '**Status:** Pending',
      '',
    ].join('\n');
    const plan = await buildFromText('/nonexistent/plan.md', text, false);
    const rows = summarise(plan, plan.tasks).groups.map((g) => [g.name, g.done, g.total, g.counts['in-progress']]);
    expect(rows).toEqual([
      ['Phase 1: Alpha ✅', 1, 1, 0],
      ['Phase 2: Beta ✅', 1, 1, 0],
      ['Phase 3: Gamma', 0, 1, 1],
      ['Phase 4: Delta', 0, 1, 0],
    ]);
    expect(disagreements(plan)).toEqual([]);
  });

  it('holds on the seed, the fixtures and the corpus files', async () => {
    const files = [
      SEED,
      ...readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(FIXTURES, f)),
    ];
    if (existsSync(CORPUS))
      files.push(
        ...readdirSync(CORPUS)
          .filter((f) => f.endsWith('.md'))
          .map((f) => join(CORPUS, f)),
      );
    const wrong: string[] = [];
    for (const f of files) wrong.push(...disagreements(await planOf(f)));
    expect(wrong).toEqual([]);
  });
});
