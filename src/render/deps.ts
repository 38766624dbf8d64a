// `plan deps`: the dependency tree as text (each task with what it depends on
// below it), as tab-separated rows, and as a Mermaid `graph TD` block.

import type { DepNode, DepView } from '../query/deptree.js';
import { DependencyGraph, type Dependency } from '../query/deps.js';
import type { Plan, Task } from '../model/types.js';
import type { Status } from '../model/status.js';
import { cleanField, tsv } from './plain.js';
import { cut } from './fit.js';
import { textWidth } from '../text/width.js';
import { withoutStyle } from '../text/visible.js';

/** Deeper than this, a tree says so instead of going on (a hostile chain of thousands). */
const MAX_DEPTH = 40;

export interface TreeLine {
  depth: number;
  node: DepNode;
  /** `seen`: expanded above already; `cycle`: on its own path; `deeper`: cut at MAX_DEPTH. */
  mark: '' | 'seen' | 'cycle' | 'deeper';
  /** The tree drawing before the node (`│   ├── `). */
  prefix: string;
}

/** The tree as lines: every root, then what it depends on, each node expanded once. */
export function treeLines(view: DepView): TreeLine[] {
  const out: TreeLine[] = [];
  const expanded = new Set<string>();
  const walk = (key: string, depth: number, lead: string, branch: string, path: Set<string>) => {
    const node = view.nodes.get(key)!;
    const kids = view.children.get(key) ?? [];
    const mark = path.has(key) ? 'cycle' : kids.length && expanded.has(key) ? 'seen' : kids.length && depth >= MAX_DEPTH ? 'deeper' : '';
    out.push({ depth, node, mark, prefix: lead + branch });
    if (mark || kids.length === 0) return;
    expanded.add(key);
    path.add(key);
    const childLead = lead + (branch === '' ? '' : branch === '└── ' ? '    ' : '│   ');
    for (const [i, k] of kids.entries()) walk(k, depth + 1, childLead, i === kids.length - 1 ? '└── ' : '├── ', path);
    path.delete(key);
  };
  for (const r of view.roots) walk(r, 0, '', '', new Set());
  return out;
}

const MARK_TEXT = { '': '', seen: '(see above)', cycle: '(cycle)', deeper: '(deeper dependencies not shown)' } as const;

function label(node: DepNode): string {
  if (node.kind === 'unresolved') return `${JSON.stringify(node.title)} (no such task)`;
  if (node.kind === 'scope') return node.title;
  return `${node.task!.id} ${node.title}`;
}

/**
 * The tree for a terminal `width` columns wide; `status` paints a status
 * label. A line never runs past the width: a deep branch's indentation is
 * shortened to its last half-width (`…` in front), then the label is cut.
 */
export function treeText(lines: TreeLine[], status: (s: Status) => string, dim: (s: string) => string = (s) => s, width = Infinity): string {
  return lines
    .map((l) => {
      let tail = [l.node.status ? status(l.node.status) : '', l.mark ? dim(MARK_TEXT[l.mark]) : ''].filter(Boolean).join('  ');
      const half = Math.max(8, Math.floor(width / 2));
      // The prefix is box-drawing characters and spaces, one column each.
      const prefix = l.prefix.length > half ? `…${l.prefix.slice(l.prefix.length - half + 1)}` : l.prefix;
      // The label keeps at least 8 columns: a tail too long for that is cut (plain) instead.
      if (tail && prefix.length + 8 + 2 + textWidth(withoutStyle(tail)) > width) tail = dim(cut(withoutStyle(tail), Math.max(1, width - prefix.length - 10)));
      const tailWidth = tail ? textWidth(withoutStyle(tail)) + 2 : 0;
      const text = cut(label(l.node), Math.max(1, width - prefix.length - tailWidth));
      return `${dim(prefix)}${text}${tail ? `  ${tail}` : ''}\n`;
    })
    .join('');
}

const DEPS_COLUMNS = ['depth', 'key', 'kind', 'id', 'title', 'status', 'line', 'mark'] as const;

export function treeTsv(lines: TreeLine[]): string {
  return tsv(
    DEPS_COLUMNS,
    lines.map((l) => [l.depth, l.node.key, l.node.kind, l.node.task?.id ?? '', l.node.title, l.node.status ?? '', l.node.line ?? '', l.mark]),
  );
}

export function viewJson(view: DepView) {
  return {
    roots: view.roots,
    nodes: [...view.nodes.values()].map((n) => ({ key: n.key, kind: n.kind, id: n.task?.id ?? null, title: n.title, status: n.status, line: n.line })),
    edges: view.edges.map(([from, to]) => ({ from, to })),
  };
}

/**
 * Text inside a Mermaid label: no quotes, brackets or control characters to
 * break out of it, and no `%%` or braces (`%%{init: …}%%` is a directive that
 * reconfigures the whole diagram): each is written as its entity code.
 */
function mermaidText(s: string): string {
  return cleanField(s)
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/[#"<>&`%{}]/g, (c) => `#${c.charCodeAt(0)};`)
    .slice(0, 80);
}

const MERMAID_STYLE: Record<Status, string> = {
  done: 'fill:#d3f9d8,stroke:#2b8a3e',
  'in-progress': 'fill:#fff3bf,stroke:#e67700',
  pending: 'fill:#e7f5ff,stroke:#1971c2',
  blocked: 'fill:#ffe3e3,stroke:#c92a2a',
  cancelled: 'fill:#f1f3f5,stroke:#868e96',
  none: 'fill:#f8f9fa,stroke:#adb5bd',
};

/** A fenced `graph TD` block: an arrow from each dependency to the task that needs it. */
export function mermaid(view: DepView): string {
  const ids = new Map<string, string>();
  for (const k of view.nodes.keys()) ids.set(k, `n${ids.size}`);
  const lines = ['```mermaid', 'graph TD'];
  for (const n of view.nodes.values()) {
    const text = mermaidText(n.kind === 'task' ? `${n.task!.id} ${n.title}` : n.title) + (n.status ? ` (${n.status})` : '');
    const shape = n.kind === 'scope' ? ['{{"', '"}}'] : n.kind === 'unresolved' ? ['(["', '"])'] : ['["', '"]'];
    lines.push(`  ${ids.get(n.key)}${shape[0]}${text}${shape[1]}`);
  }
  const seen = new Set<string>();
  for (const [from, to] of view.edges) {
    const edge = `  ${ids.get(to)} --> ${ids.get(from)}`;
    if (!seen.has(edge)) lines.push(edge);
    seen.add(edge);
  }
  const used = new Set([...view.nodes.values()].map((n) => n.status).filter((s): s is Status => s !== null));
  for (const s of used) {
    const cls = s.replace('-', '');
    lines.push(`  classDef ${cls} ${MERMAID_STYLE[s]}`);
    lines.push(
      `  class ${[...view.nodes.values()]
        .filter((n) => n.status === s)
        .map((n) => ids.get(n.key))
        .join(',')} ${cls}`,
    );
  }
  lines.push('```');
  return `${lines.join('\n')}\n`;
}

function brief(t: Task) {
  return { id: t.id, title: t.title, status: t.status, line: t.line };
}

/** `1.2 Schema (done)`; a scope: `Phase 2 (2 of 3 done)`; a reference that names no task: `"Auth live" (no such task)`. */
function dependencyText(d: Dependency): string {
  if (d.tasks.length === 0) return `${JSON.stringify(d.ref)} (no such task)`;
  if (d.tasks.length === 1 && d.tasks[0]!.id === d.ref) return `${d.ref} ${d.tasks[0]!.title} (${d.tasks[0]!.status})`;
  if (d.tasks.length === 1) return `${d.tasks[0]!.id} ${d.tasks[0]!.title} (${d.tasks[0]!.status}, line ${d.tasks[0]!.line})`;
  return `${d.ref} (${d.tasks.filter((t) => t.status === 'done').length} of ${d.tasks.length} done)`;
}

/** A task's dependencies and dependents, with their statuses: objects for JSON, lines of text otherwise. */
export function dependencyFields(plan: Plan, t: Task, json: boolean): Record<string, unknown> {
  const graph = new DependencyGraph(plan);
  const deps = graph.of(t);
  const dependents = graph.dependents(t);
  if (json) {
    return {
      dependencies: deps.map((d) => ({ ref: d.ref, resolved: d.tasks.length > 0, tasks: d.tasks.map(brief) })),
      dependents: dependents.map(brief),
    };
  }
  const out: Record<string, string> = {};
  if (deps.length) out['depends on'] = deps.map(dependencyText).join('; ');
  if (dependents.length) out['needed by'] = dependents.map((d) => `${d.id} ${d.title} (${d.status})`).join('; ');
  return out;
}
