// `npm run docs`: writes docs/reference.md and man/plan.1 from the code's
// tables and the docs (src/docs/generate.ts). The TypeScript is bundled with
// esbuild into a temporary module first, as the build does; nothing else runs.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Inside node_modules, so that the bundle's imports of packages resolve.
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const tmp = mkdtempSync(join(cache, 'plan-gen-docs-'));
try {
  const outfile = join(tmp, 'generate.mjs');
  await build({
    entryPoints: [join(root, 'src', 'docs', 'generate.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { __PLAN_BUILD__: 'null', __PLAN_VERSION__: JSON.stringify(version) },
    // cli.ts loads most commands on demand: left out, since the generator only reads the tables
    // (`plan help` would bundle the very docs this writes).
    plugins: [
      { name: 'no-lazy', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined)) },
    ],
    logLevel: 'warning',
  });
  const { generatedDocs } = await import(pathToFileURL(outfile).href);
  const read = (path) => readFileSync(join(root, path), 'utf8');
  for (const [path, text] of generatedDocs(read, version)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    console.log(`wrote ${path}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
