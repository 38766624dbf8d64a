// The entry of dist/boot.cjs (loaded by bin/plan.js): the main bundle beside it, through V8's code cache (boot.ts).

import { join } from 'node:path';
import { boot } from './boot.js';

boot(join(__dirname, 'cli.cjs'));
