// What the main bundle gets for `node:child_process` (scripts/build.mjs): the same module, loaded on
// first use. Requiring it loads net, dgram and their stream machinery (about 6 ms of CPU at every
// start), and commander and the pager require it at load time though a plain `list` never spawns.
const names = ['ChildProcess', 'exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawn', 'spawnSync'];
for (const name of names) {
  Object.defineProperty(exports, name, { enumerable: true, get: () => require('node:child_process')[name] });
}
