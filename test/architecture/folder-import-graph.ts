import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** One import of one file, read as text: static, type-only, re-export, side-effect and dynamic. */
export interface SourceFile {
  /** Path relative to the source root, with '/' separators. */
  readonly path: string;
  readonly imports: readonly string[];
}

/** An edge between two folders, with the files that make it. */
export interface FolderEdge {
  readonly from: string;
  readonly to: string;
  readonly via: readonly string[];
}

const IMPORT_PATTERNS = [
  /\bfrom\s+'([^']+)'/g, // import … from, import type … from, export … from
  /\bimport\s+'([^']+)'/g, // side-effect import
  /\bimport\(\s*'([^']+)'\s*\)/g, // dynamic import
];

export function readSourceFiles(root: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    });
  return walk(root).map((path) => {
    const text = readFileSync(path, 'utf8');
    const imports = IMPORT_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] ?? ''));
    return { path: relative(root, path).split(sep).join('/'), imports };
  });
}

/**
 * The composition root: the entry and the wiring, which import every folder. They sit on top as one
 * node, 'app', with the wiring's parts in COMPOSITION_FOLDER; the other files directly in src/
 * (errors, log, clock…) are the shared base, node 'src'.
 */
export const COMPOSITION_ROOT: readonly string[] = [
  'main.ts',
  'app.ts',
  'app-options.ts',
  'announce-start.ts',
  'create-status-source.ts',
];

/** The parts createApp calls (stores, worker, HTTP, platforms…): the root too, importable by it alone. */
export const COMPOSITION_FOLDER = 'compose/';

/** The folder a source path belongs to: its first segment, 'app' or 'src' for files at the root. */
export function folderOf(path: string): string {
  if (path.startsWith(COMPOSITION_FOLDER)) return 'app';
  const slash = path.indexOf('/');
  if (slash !== -1) return path.slice(0, slash);
  return COMPOSITION_ROOT.includes(path) ? 'app' : 'src';
}

/** Folder-level edges of the relative imports that stay inside the root. */
export function folderEdges(root: string, files: readonly SourceFile[]): FolderEdge[] {
  const edges = new Map<string, { from: string; to: string; via: string[] }>();
  for (const file of files) {
    for (const specifier of file.imports) {
      if (!specifier.startsWith('.')) continue;
      const target = relative(root, resolve(root, dirname(file.path), specifier))
        .split(sep)
        .join('/');
      if (target.startsWith('..')) continue;
      const from = folderOf(file.path);
      const to = folderOf(target);
      if (from === to) continue;
      const key = `${from}→${to}`;
      const edge = edges.get(key) ?? { from, to, via: [] };
      edge.via.push(`${file.path} → ${target}`);
      edges.set(key, edge);
    }
  }
  return [...edges.values()];
}

/** Strongly connected components with more than one folder (Tarjan), each sorted. */
export function folderCycles(edges: readonly FolderEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    if (!next.has(edge.to)) next.set(edge.to, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component.sort());
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** A shortest loop through `start` that stays among `members`, as folder names, start repeated last. */
export function shortestLoop(
  edges: readonly FolderEdge[],
  members: readonly string[],
  start: string,
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? start;
    for (const edge of edges) {
      if (edge.from !== node || !members.includes(edge.to)) continue;
      if (edge.to === start) {
        const path: string[] = [];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) {
          path.unshift(at);
        }
        return [start, ...path, start];
      }
      if (previous.has(edge.to)) continue;
      previous.set(edge.to, node);
      queue.push(edge.to);
    }
  }
  return [];
}

/** Readable report of each cycle: its folders, then one shortest loop with the imports that close it. */
export function describeCycles(edges: readonly FolderEdge[], cycles: readonly string[][]): string {
  return cycles
    .map((members) => {
      const loop = shortestLoop(edges, members, members[0] ?? '');
      const steps = loop.slice(1).map((to, index) => {
        const from = loop[index] ?? '';
        const via = edges.find((edge) => edge.from === from && edge.to === to)?.via ?? [];
        const more = via.length > 2 ? ` (+${via.length - 2} more)` : '';
        return `  ${from} → ${to}: ${via.slice(0, 2).join('; ')}${more}`;
      });
      return [
        `folders in one loop: ${members.join(', ')}`,
        `for example ${loop.join(' → ')}:`,
        ...steps,
      ].join('\n');
    })
    .join('\n');
}
