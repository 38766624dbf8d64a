// The layers point one way. Reads every import of src/ (static, re-export,
// dynamic and type-only: a type import couples two layers as much as a value
// import does) and builds the graph between folders (each folder of src/ one
// node): every import goes from a folder to one before it in LAYERS (the order
// docs/development.md tells), every folder is in LAYERS, and there is no cycle.
//
// Inside src/commands, one command does not import another: what two commands
// share is a view (src/render) or an action (src/actions). Only context.ts, the
// Context every command gets, is shared there; and `plan watch` redraws the
// list, board and summary commands, which it loads on demand.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Relative import specifiers of a module: import/export … from, import '…', import('…'). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'";]*?\bfrom\s*['"](\.[^'"]+)['"]/g, /\bimport\s*['"](\.[^'"]+)['"]/g, /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]!);
  return found;
}

interface Import {
  from: string;
  to: string;
}

/** Every import between two files of src/, as paths relative to src/ with a .ts ending. */
function sourceImports(): Import[] {
  const files = readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'));
  return files.flatMap((from) =>
    importsOf(readFileSync(join(SRC, from), 'utf8')).map((spec) => ({
      from,
      to: relative(SRC, resolve(SRC, dirname(from), spec)).replace(/\.js$/, '.ts'),
    })),
  );
}

/** The node a file belongs to: its top folder under src/, or the file itself. */
const layerOf = (file: string): string => file.split(/[\\/]/)[0]!.replace(/\.ts$/, '');

type Graph = Map<string, Map<string, string[]>>;

/** Folder graph: layer → layer → the imports that make the edge. */
function layerGraph(imports: Import[]): Graph {
  const graph: Graph = new Map();
  for (const { from, to } of imports) {
    const [a, b] = [layerOf(from), layerOf(to)];
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    const edge = graph.get(a)!;
    edge.set(b, [...(edge.get(b) ?? []), `${from} → ${to}`]);
  }
  return graph;
}

/** Every cycle's nodes, one list per strongly connected component larger than one node (Tarjan). */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The imports inside one cycle, for the failure message. */
function describeCycle(graph: Graph, nodes: string[]): string {
  const inside = new Set(nodes);
  const lines = [...graph]
    .filter(([a]) => inside.has(a))
    .flatMap(([a, edges]) => [...edges].filter(([b]) => inside.has(b)).map(([b, via]) => `  ${a} → ${b}: ${via.slice(0, 3).join(', ')}`));
  return `cycle between ${nodes.join(', ')}:\n${lines.join('\n')}`;
}

/**
 * The folders of src/, lowest first: a folder imports only from folders before it (and from itself).
 * text and fs (bytes, lines, widths; the one safe file reader) → system (the process: runtime, environment,
 * errors, version, today) → git and parse (front matter, blocks) → model (the types and the status
 * vocabulary) → read (the reader's rules: blocks to a Plan) → cache → load (find and load a plan) and query →
 * check, history, interface (the command and filter tables), write (the write path: splice, stamps, lock,
 * transaction, journal) → actions (the writes CLI and MCP share) and merge (the git merge driver) → render
 * (views and JSON for CLI and MCP) → mcp and serve (plan serve: the board in the browser) → commands → cli (main, the commander program, the command table) → docs
 * (the reference and man page written from the tables).
 */
const LAYERS = [
  'text',
  'fs',
  'system',
  'git',
  'parse',
  'model',
  'read',
  'cache',
  'load',
  'query',
  'check',
  'history',
  'interface',
  'write',
  'actions',
  'merge',
  'render',
  'mcp',
  'serve',
  'commands',
  'cli',
  'docs',
];

const SHARED_IN_COMMANDS = new Set(['commands/context.ts']);
const WATCHED_VIEWS = new Set(['commands/list.ts', 'commands/board.ts', 'commands/summary.ts']);

describe('src/ layers', () => {
  const imports = sourceImports();

  it('reads the imports of the whole tree', () => {
    // A guard against a parser that silently finds nothing.
    expect(imports.length).toBeGreaterThan(300);
    expect(imports).toContainEqual({ from: 'commands/mcp.ts', to: 'mcp/server.ts' });
    expect(imports).toContainEqual({ from: 'cli/command-table.ts', to: 'commands/check.ts' }); // a dynamic import
  });

  it('imports only downward, in the order of LAYERS', () => {
    const rank = (layer: string) => LAYERS.indexOf(layer);
    const inside = imports.filter(({ to }) => !to.startsWith('..')); // docs/*.md bundled as text are not a layer
    const folders = new Set(inside.flatMap(({ from, to }) => [layerOf(from), layerOf(to)]));
    expect(
      [...folders].filter((f) => rank(f) < 0),
      'a folder of src/ missing from LAYERS',
    ).toEqual([]);
    const upward = inside.filter(({ from, to }) => rank(layerOf(to)) > rank(layerOf(from)));
    expect(upward.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const graph = layerGraph(imports);
    expect(cycles(graph).map((c) => describeCycle(graph, c))).toEqual([]);
  });

  it('has no command importing another command', () => {
    const across = imports.filter(({ from, to }) => {
      // A file imported as text (completion.bash) is a command's own, not another command.
      if (layerOf(from) !== 'commands' || layerOf(to) !== 'commands' || SHARED_IN_COMMANDS.has(to) || !to.endsWith('.ts')) return false;
      return !(from === 'commands/watch.ts' && WATCHED_VIEWS.has(to));
    });
    expect(across.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = layerGraph([
      { from: 'mcp/tools.ts', to: 'commands/check.ts' },
      { from: 'commands/mcp.ts', to: 'mcp/server.ts' },
      { from: 'commands/mcp.ts', to: 'render/json.ts' },
      { from: 'render/json.ts', to: 'status.ts' },
    ]);
    expect(cycles(graph)).toEqual([['commands', 'mcp']]);
    expect(describeCycle(graph, ['commands', 'mcp'])).toContain('mcp/tools.ts → commands/check.ts');
  });
});
