/**
 * The rules the layout keeps, as pure functions over a list of imports. A layer is a list of folders
 * ("units"); a unit may import units of lower layers only, never a unit of its own layer or above. Inside
 * any folder, a file may import anything of its own folder and its ancestors', but a folder it is not in
 * only through that folder's `index.ts`, and never the index of a folder it is in.
 */
import { posix } from 'node:path';
import type { SourceImport } from './source-imports';

export type Layers = readonly (readonly string[])[];

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** The deepest unit a file belongs to, or undefined. */
export function unitOf(file: string, layers: Layers): string | undefined {
  return layers.flat().filter((unit) => within(file, unit)).sort((a, b) => b.length - a.length)[0];
}

const layerOf = (unit: string, layers: Layers) => layers.findIndex((layer) => layer.includes(unit));
const show = (i: SourceImport) => `${i.file}: import '${i.specifier}'`;

/** Source files that belong to no layer. */
export function filesOutsideLayers(files: readonly string[], layers: Layers): string[] {
  return files.filter((file) => unitOf(file, layers) === undefined);
}

/** Imports of a unit of a higher layer, or of another unit of the same layer. */
export function importsAgainstLayers(imports: readonly SourceImport[], layers: Layers): string[] {
  const problems: string[] = [];
  for (const i of imports) {
    if (!i.target) continue;
    const from = unitOf(i.file, layers);
    const to = unitOf(i.target, layers);
    if (!from || !to || from === to) continue;
    const [a, b] = [layerOf(from, layers), layerOf(to, layers)];
    if (b > a) problems.push(`${show(i)} points up: ${from} (layer ${a + 1}) must not depend on ${to} (layer ${b + 1})`);
    else if (b === a) problems.push(`${show(i)} points sideways: ${from} and ${to} share a layer and must not know each other`);
  }
  return problems;
}

/**
 * The folder an import enters: the topmost folder of the target that does not hold the importer (and at
 * least the target's unit, so that siblings inside a layer folder like `connectors/` count each on its own).
 * Undefined when the target is in the importer's folder or an ancestor of it.
 */
export function enteredFolder(i: SourceImport & { target: string }, layers: Layers): string | undefined {
  const from = posix.dirname(i.file).split('/');
  const to = posix.dirname(i.target).split('/');
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  if (common >= to.length) return undefined;
  const top = to.slice(0, common + 1).join('/');
  const unit = unitOf(i.target, layers);
  return unit && unit.startsWith(`${top}/`) && !within(i.file, unit) ? unit : top;
}

/** Imports that reach into a folder past its `index.ts`, or load the index of a folder they are in. */
export function importsPastIndex(imports: readonly SourceImport[], layers: Layers): string[] {
  const problems: string[] = [];
  for (const i of imports) {
    if (!i.target) continue;
    const target = i.target;
    const folder = enteredFolder({ ...i, target }, layers);
    if (folder && target !== `${folder}/index.ts`) problems.push(`${show(i)} reaches past ${folder}/index.ts (import '${posix.relative(posix.dirname(i.file), folder)}' and export the name there)`);
    if (!folder && posix.basename(target) === 'index.ts') problems.push(`${show(i)} loads the index of its own folder ${posix.dirname(target)}: import the file that defines the name`);
  }
  return problems;
}

/** Cycles between folders: sibling folders that import each other, directly or through others. */
export function folderCycles(imports: readonly SourceImport[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const i of imports) {
    if (!i.target) continue;
    const from = posix.dirname(i.file).split('/');
    const to = posix.dirname(i.target).split('/');
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    // A file of the common folder itself, on either side, is not a folder edge.
    if (common >= from.length || common >= to.length) continue;
    const source = from.slice(0, common + 1).join('/');
    const into = to.slice(0, common + 1).join('/');
    if (!edges.has(source)) edges.set(source, new Set());
    edges.get(source)!.add(into);
  }
  // Tarjan's strongly connected components
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Imports of `connectors/` from outside it by anything but the composition root. */
export function connectorImportsOutsideRoot(imports: readonly SourceImport[], connectors: string, root: string): string[] {
  return imports
    .filter((i) => i.target && within(i.target, connectors) && !within(i.file, connectors) && !within(i.file, root))
    .map((i) => `${show(i)}: only ${root}/ (the composition root) wires connectors`);
}
