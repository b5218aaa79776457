/**
 * Reads the relative imports of every TypeScript source file under the given folders (static, dynamic
 * and `export … from`), resolved to the file they load. Paths are POSIX, relative to the project root.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** One import of one source file. */
export interface SourceImport {
  /** The importing file, e.g. `core/dialogue/guard.ts`. */
  file: string;
  /** As written, e.g. `../store`. */
  specifier: string;
  /** The file it loads, e.g. `core/store/index.ts`; undefined when it resolves to nothing. */
  target?: string;
}

export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = posix.join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  for (const folder of folders) if (existsSync(join(root, folder))) walk(folder);
  return files.sort();
}

export function readSourceImports(root: string, folders: readonly string[]): SourceImport[] {
  const isFile = (path: string) => existsSync(join(root, path)) && statSync(join(root, path)).isFile();
  const resolve = (file: string, specifier: string): string | undefined => {
    const base = posix.normalize(posix.join(posix.dirname(file), specifier));
    return [`${base}.ts`, `${base}/index.ts`, base].find(isFile);
  };
  return sourceFiles(root, folders).flatMap((file) =>
    ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true).importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => ({ file, specifier, target: resolve(file, specifier) })),
  );
}

/** Where a file reads the process environment (`process.env`, `NodeJS.ProcessEnv`), outside comments. */
export function environmentReads(root: string, file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text = ts.isPropertyAccessExpression(node) || ts.isTypeReferenceNode(node) ? node.getText(source) : '';
    if (text === 'process.env' || text === 'NodeJS.ProcessEnv') found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${text}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
