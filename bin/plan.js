#!/usr/bin/env node
// CommonJS (see bin/package.json): Node starts faster without its ES-module
// loader, and the bundled CLI is CommonJS too.
require('../dist/cli.cjs');
