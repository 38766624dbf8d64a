// The docs stay in their places and in step with the code: the generated
// reference and man page are what the tables give, every environment variable
// the sources read is documented, every check code the sources emit is in the
// table the reference is built from, and the README stays a short front page.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CODES } from '../../src/check/codes.js';
import { generatedDocs } from '../../src/docs/generate.js';
import { PLAN_NAMES } from '../../src/load/locate.js';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; man: string[]; scripts: Record<string, string> };

/** Every .ts file under src/, as [path, text]. */
function sources(): [string, string][] {
  const dir = join(ROOT, 'src');
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [relative(ROOT, join(dir, f)), readFileSync(join(dir, f), 'utf8')]);
}

describe('generated docs', () => {
  for (const [path, text] of generatedDocs(read, pkg.version)) {
    it(`${path} is what \`npm run docs\` writes from the tables (run it after changing them)`, () => {
      expect(read(path)).toBe(text);
    });
  }

  it('the man page is the one package.json installs, and npm run docs writes it', () => {
    // An array: npm links a man page only from a list (a string is left out, silently).
    expect(pkg.man).toEqual(['./man/plan.1']);
    expect(pkg.scripts.docs).toBe('node scripts/gen-docs.mjs');
  });
});

describe('docs/configuration.md', () => {
  const documented = new Set([...read('docs/configuration.md').matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!));

  it('documents every environment variable the sources read', () => {
    const read = new Map<string, string>();
    const patterns = [
      /process\.env\.([A-Z_][A-Z0-9_]*)/g,
      /\benv\.([A-Z_][A-Z0-9_]*)/g,
      /env(?:Ms|Text|Flag|Number)\('([A-Z_][A-Z0-9_]*)'/g,
      /\bname: '([A-Z_][A-Z0-9_]*)'/g,
    ];
    for (const [file, text] of sources()) for (const re of patterns) for (const m of text.matchAll(re)) read.set(m[1]!, file);
    expect(read.size).toBeGreaterThan(10);
    for (const [name, file] of read) expect(documented.has(name), `${name} (read in ${file})`).toBe(true);
  });
});

describe('check codes', () => {
  it('the table has every code the sources give a problem, and no other', () => {
    const emitted = new Set<string>();
    for (const [, text] of sources()) {
      for (const m of text.matchAll(/\bcode: (?:[^,\n]*\? )?'([a-z][a-z0-9-]*)'(?: : '([a-z][a-z0-9-]*)')?/g)) {
        emitted.add(m[1]!);
        if (m[2]) emitted.add(m[2]);
      }
    }
    expect(emitted.has('front-matter-language')).toBe(true);
    expect(CHECK_CODES.map((c) => c.code).sort()).toEqual([...emitted].sort());
  });
});

describe('README', () => {
  const readme = read('README.md');

  it('is a front page of at most 8 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(8192);
  });

  it('shows the two set-up commands CI and the tests depend on, as written', () => {
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
    expect(blocks).toContain('npm ci && npx plan -f seeds/progress_planning.md list --week 1');
    expect(blocks).toContain('npm test');
  });

  it('names the files plan looks for, in the order it looks', () => {
    const which = readme.slice(readme.indexOf('## Which file'));
    const names = [...which.slice(0, which.indexOf('\n## ', 3)).matchAll(/`([^`/\s]+\.md)`/g)].map((m) => m[1]);
    expect(names).toEqual([...PLAN_NAMES]);
  });

  it('links every topic of docs/', () => {
    // docs/images holds the pictures the topics show (the board's, made by test/e2e/serve-browser.test.ts).
    for (const f of readdirSync(join(ROOT, 'docs')).filter((x) => x.endsWith('.md'))) expect(readme, f).toContain(`(docs/${f})`);
  });
});

describe('prose', () => {
  const files = [
    'README.md',
    'CHANGELOG.md',
    'bench/README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  for (const file of files) {
    it(`${file}: prose lines are wrapped (tables and code aside)`, () => {
      const prose = read(file)
        .replace(/```[\s\S]*?```/g, '')
        .split('\n')
        .filter((l) => !l.trimStart().startsWith('|'));
      const long = prose.filter((l) => [...l].length > 120);
      expect(long).toEqual([]);
    });
  }
});
