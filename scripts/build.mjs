// Bundles src/cli.ts into dist/ with esbuild. Commands and heavy libraries are
// loaded with dynamic import(), so esbuild splits them into chunks that are only
// read when a command needs them: start-up reads one small file.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

// A digest of the sources: the plan cache keys on it, so a rebuilt plan never
// trusts a model an older build cached.
const hash = createHash('sha1');
for (const f of readdirSync('src', { recursive: true }).sort()) {
  if (String(f).endsWith('.ts')) hash.update(String(f)).update(readFileSync(join('src', String(f))));
}
const buildId = hash.digest('hex').slice(0, 16);

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (gray-matter, cli-table3, …) call require() for Node's
  // built-ins; an ES module has no require, so give each chunk one.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  define: { __PLAN_BUILD__: JSON.stringify(buildId) },
  logLevel: 'warning',
});
