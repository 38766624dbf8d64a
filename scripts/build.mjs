// Bundles the CLI with esbuild.
//
// dist/cli.cjs holds everything the hot path needs (list, show, next, the cache)
// in one file, so a warm `plan list` reads one module. Each `import('./…')` of
// our own code is a lazy boundary: the module is bundled on its own into
// dist/lazy/<name>.cjs (with its own copy of the helpers it shares with the
// main bundle) and only read when a command needs it: writers, views, the
// Markdown parsers, the mojibake repair, the MCP server. Every bundle is
// CommonJS, loaded through V8's code cache (src/cli/boot.ts): Node's ES-module
// loader never starts.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The plan cache keys on a digest of the built bundles (our code and every
// dependency bundled into it), so a rebuilt plan — new sources, or an upgraded
// remark-gfm or YAML parser — never trusts a model an older build cached. The
// bundles are built with a placeholder of the digest's length, hashed, and the
// placeholder is then replaced (same length, so the source maps stay right).
const BUILD_ID_PLACEHOLDER = '@@plan-build-id@';

/** Lazy modules found so far: absolute source path → output name. */
const lazy = new Map();

function lazyBoundaries(fromLazyBundle) {
  return {
    name: 'lazy-boundaries',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        let file;
        let name;
        if (/^\.\.?\//.test(args.path)) {
          file = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
          if (!file.startsWith(src)) return undefined;
          name = relative(src, file).replace(/\.ts$/, '').replace(/[\\/]/g, '-');
        } else {
          // A package loaded on demand (diff, …) gets a bundle of its own.
          const found = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir });
          if (found.errors.length || found.external) return undefined;
          file = found.path;
          name = `pkg-${args.path.replace(/[^A-Za-z0-9]+/g, '-')}`;
        }
        lazy.set(file, name);
        return { path: `${fromLazyBundle ? '.' : './lazy'}/${name}.cjs`, external: true };
      });
    },
  };
}

// cli-table3 measures cells with its own string-width (4), which counts some text
// otherwise than ours (8) and is slow (a new RegExp per call): in the bundle it
// measures with src/text/width.ts's textWidth, so it pads as our fitting measured.
const tableWidth = {
  name: 'cli-table3-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]node_modules[\\/]cli-table3[\\/]/.test(args.importer) ? { path: join(src, 'render', 'table-width.cjs') } : undefined,
    );
  },
};

// plan serve's page script: src/serve/page/app.ts built for the browser, imported as text by
// src/serve/assets.ts (so it lands in plan serve's lazy bundle only).
const pageScript = {
  name: 'serve-page-script',
  setup(b) {
    b.onResolve({ filter: /^plan-serve-page-script$/ }, () => ({ path: join(src, 'serve', 'page', 'app.ts'), namespace: 'page-script' }));
    b.onLoad({ filter: /.*/, namespace: 'page-script' }, async (args) => {
      const out = await bundle({
        entryPoints: [args.path],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        minify: !process.env.PLAN_BUILD_DEBUG,
        logLevel: 'warning',
      });
      return { contents: out.outputFiles[0].text, loader: 'text', watchFiles: [args.path] };
    });
  },
};

// node:child_process loaded on first use in the main bundle (src/system/child-process.cjs): start-up
// need not pay for net and dgram.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    const stub = join(src, 'system', 'child-process.cjs');
    // The stand-in itself requires the real module.
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer === stub ? undefined : { path: stub }));
  },
};

// js-yaml 3 requires esprima at load time (through a renamed `require` the bundler cannot see) for
// its !!js/function type, which only its full schema has; gray-matter reads front matter with
// safeLoad, whose schema has no such type. Loading esprima from node_modules cost every parse that
// met front matter 25-50 ms: the bundle takes js-yaml's own path for esprima being absent.
const noEsprima = {
  name: 'js-yaml-no-esprima',
  setup(b) {
    b.onLoad({ filter: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      const out = code.replace("_require('esprima')", 'undefined');
      if (out === code) throw new Error(`build: ${args.path} no longer loads esprima as this build expects; look at the js-yaml-no-esprima plugin`);
      return { contents: out, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: !process.env.PLAN_BUILD_DEBUG,
  sourcemap: 'linked',
  legalComments: 'linked',
  // A parameter of boot.ts's wrapper; without it (a plain require), import() loads the lazy bundles.
  banner: { js: "var __load=typeof __load=='function'?__load:(s)=>import(s);" },
  // plan-cache.ts, heap.ts and version.ts fall back to import.meta only outside the bundles.
  logOverride: { 'empty-import-meta': 'silent' },
  // The version `plan --version` prints comes from package.json, not a copy in the code.
  define: { __PLAN_BUILD__: JSON.stringify(BUILD_ID_PLACEHOLDER), __PLAN_VERSION__: JSON.stringify(version) },
  // `plan help`'s topics (docs/*.md), the completion scripts (src/commands/completion.*) and plan serve's
  // page are bundled as text into their lazy bundles.
  loader: { '.md': 'text', '.bash': 'text', '.zsh': 'text', '.fish': 'text', '.html': 'text', '.css': 'text' },
  logLevel: 'warning',
};

/**
 * esbuild, with a failure said in one line after esbuild's own report of each error (no stack trace);
 * a package it cannot find usually means node_modules predates package.json.
 */
async function bundle(options) {
  try {
    return await build(options);
  } catch (e) {
    const missing = (e.errors ?? []).some((x) => /Could not resolve "[^"./][^"]*"/.test(x.text));
    console.error(`build: ${e.errors?.length ?? 1} error(s), see above${missing ? '; a package is missing: run `npm ci`' : ''}`);
    process.exit(1);
  }
}

rmSync(dist, { recursive: true, force: true });
// The main bundle is CommonJS: Node's built-ins then load through require(),
// without the ES-module facades that read every lazy export (fs streams, …).
const main = await bundle({
  ...common,
  entryPoints: [join(src, 'cli', 'main.ts')],
  outfile: join(dist, 'cli.cjs'),
  plugins: [lazyBoundaries(false), tableWidth, lazyChildProcess, noEsprima],
  metafile: !!process.env.PLAN_BUILD_META,
});
// boot.ts compiles each bundle with V8's code cache, and Node 20 loses the dynamic-import callback of a
// script made from cached data: a bundle loads the lazy bundles with `__load`, a function boot.ts hands it
// (as long a name as `import`, so the source map's columns hold), else with import() (the banner).
function loadThroughBoot(file) {
  const code = readFileSync(file, 'utf8');
  const loaded = code.split('import("./').join('__load("./');
  // Only the banner's import() is left: any other would fail under the code cache.
  if (loaded.split('import(').length !== 2) throw new Error(`build: ${file} has an import() of something other than a lazy bundle`);
  writeFileSync(file, loaded);
}
loadThroughBoot(join(dist, 'cli.cjs'));
// The first module: loads cli.cjs through V8's code cache (src/cli/boot.ts). A bundle of its own, small,
// since it is compiled without that cache.
await bundle({
  ...common,
  banner: {},
  entryPoints: [join(src, 'cli', 'start.ts')],
  outfile: join(dist, 'boot.cjs'),
});
if (process.env.PLAN_BUILD_META) {
  const inputs = Object.values(main.metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {};
  for (const [file, { bytesInOutput }] of Object.entries(inputs)
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 25)) {
    console.log(String(bytesInOutput).padStart(7), file);
  }
}
const built = new Set();
for (let pending = [...lazy.keys()]; pending.length; pending = [...lazy.keys()].filter((f) => !built.has(f))) {
  for (const file of pending) {
    built.add(file);
    const outfile = join(dist, 'lazy', `${lazy.get(file)}.cjs`);
    await bundle({ ...common, entryPoints: [file], outfile, plugins: [lazyBoundaries(true), tableWidth, pageScript, noEsprima] });
    loadThroughBoot(outfile);
  }
}

const outputs = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((f) => /\.(c?js)$/.test(f))
  .sort();
const hash = createHash('sha1');
for (const f of outputs) hash.update(f).update(readFileSync(join(dist, f)));
const buildId = hash.digest('hex').slice(0, BUILD_ID_PLACEHOLDER.length);
for (const f of outputs) {
  const code = readFileSync(join(dist, f), 'utf8');
  if (code.includes(BUILD_ID_PLACEHOLDER)) writeFileSync(join(dist, f), code.split(BUILD_ID_PLACEHOLDER).join(buildId));
}
writeFileSync(join(dist, 'BUILD_ID'), `${buildId}\n`);
