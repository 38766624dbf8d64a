// Moves test files from spawned `plan` processes (test/helpers/run.ts plan(),
// write-helpers workspace()/withCopy()/idAtLine()) to in-process runs
// (test/helpers/cli.ts runCli, cliWorkspace, withCliCopy, cliIdAtLine), then
// awaits every call that now returns a promise and makes its function async,
// round after round until nothing changes. Review the diff and run `npx tsc
// --noEmit` after it: a callback given to forEach/map, or a helper typed
// `=> void`, needs a hand (it is reported).
//
//   node scripts/tests-in-process.cjs test/cli/write-set.test.ts …
const ts = require('typescript');
const fs = require('node:fs');

const files = process.argv.slice(2);
const SKIP_CALLEES = new Set(['planAsync', 'closed', 'sleep', 'start', 'resolve', 'release', 'lock']);

function rename(text) {
  let s = text.replace(/import \{([^}]*)\} from '\.\.\/helpers\/run\.js';/, (_, list) => {
    const names = list
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const rest = names.filter((n) => n !== 'plan');
    const out = rest.length ? `import { ${rest.join(', ')} } from '../helpers/run.js';` : '';
    return names.includes('plan') ? `${out}${out ? '\n' : ''}import { runCli as cli } from '../helpers/cli.js';` : out;
  });
  const renamed = { workspace: 'cliWorkspace', withCopy: 'withCliCopy', idAtLine: 'cliIdAtLine', 'type Workspace': 'type CliWorkspace' };
  s = s.replace(/import \{([^}]*)\} from '(\.\/|\.\.\/e2e\/)write-helpers\.js';/, (_, list, dir) => {
    const names = list
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    return `import { ${names.map((n) => renamed[n] ?? n).join(', ')} } from '${dir}write-helpers.js';`;
  });
  return s
    .replace(/(?<![\w.])plan\((?=\[|[a-zA-Z])/g, 'cli(')
    .replace(/(?<![\w.])workspace\(/g, 'cliWorkspace(')
    .replace(/(?<![\w.])withCopy\(/g, 'withCliCopy(')
    .replace(/(?<![\w.])idAtLine\(/g, 'cliIdAtLine(')
    .replace(/(?<![\w.])Workspace\b/g, 'CliWorkspace');
}

/** Whether the promise made by `node` is already handled where it stands. */
function handled(node, sf) {
  const p = node.parent;
  const callee = node.expression.getText(sf);
  if (SKIP_CALLEES.has(callee.split('.').pop()) || /^Promise\./.test(callee) || /\.(then|catch)$/.test(callee)) return true;
  if (ts.isAwaitExpression(p) || ts.isReturnStatement(p) || ts.isArrayLiteralExpression(p) || (ts.isArrowFunction(p) && p.body === node)) return true;
  if (ts.isCallExpression(p) && p.expression !== node) {
    const outer = p.expression.getText(sf);
    if (/^Promise\.|\.then$/.test(outer)) return true;
    if (outer === 'expect' && /^\.(rejects|resolves)/.test(sf.text.slice(p.getEnd(), p.getEnd() + 9))) return true;
  }
  return false;
}

/** The edits of one round in one file: `await` before each unhandled promise, `async` on its function. */
function editsOf(sf, checker, f) {
  const edits = [];
  const madeAsync = new Set();
  const visit = (node) => {
    if (ts.isCallExpression(node) && checker.getTypeAtLocation(node).getSymbol()?.getName() === 'Promise' && !handled(node, sf)) {
      const p = node.parent;
      const parens = ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || (ts.isCallExpression(p) && p.expression === node);
      edits.push({ pos: node.getStart(sf), text: parens ? '(await ' : 'await ' });
      if (parens) edits.push({ pos: node.getEnd(), text: ')' });
      let fn = node.parent;
      while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
      if (fn && !(ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) && !madeAsync.has(fn)) {
        madeAsync.add(fn);
        const where = `${f}:${sf.getLineAndCharacterOfPosition(fn.getStart(sf)).line + 1}`;
        if (ts.isCallExpression(fn.parent) && /\.(forEach|map|filter|some|every|reduce|flatMap)$|^describe/.test(fn.parent.expression.getText(sf))) {
          console.error(`${where}: made async inside ${fn.parent.expression.getText(sf)}: rewrite as a for loop`);
        }
        const pos = fn.modifiers?.length ? fn.modifiers[fn.modifiers.length - 1].getEnd() + 1 : fn.getStart(sf);
        edits.push({ pos, text: 'async ' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edits;
}

for (const f of files) fs.writeFileSync(f, rename(fs.readFileSync(f, 'utf8')));
for (let round = 0; round < 8; round++) {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  let changed = 0;
  for (const f of files) {
    const edits = editsOf(program.getSourceFile(f), checker, f).sort((a, b) => b.pos - a.pos);
    if (!edits.length) continue;
    changed += edits.length;
    let text = fs.readFileSync(f, 'utf8');
    for (const e of edits) text = text.slice(0, e.pos) + e.text + text.slice(e.pos);
    fs.writeFileSync(f, text);
  }
  if (!changed) break;
}
