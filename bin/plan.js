#!/usr/bin/env node
// CommonJS (see bin/package.json): Node starts faster without its ES-module
// loader, and the bundled CLI is CommonJS too.
// dist/boot.cjs loads dist/cli.cjs through V8's code cache (src/cli/boot.ts).
require('../dist/boot.cjs');
