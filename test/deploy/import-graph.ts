/**
 * Every file and package a TypeScript entry point loads at run time, found by walking its imports
 * with the TypeScript parser: static imports and re-exports (type-only ones are erased and so
 * skipped) and `import('literal')`. Node built-ins are left out. Used to check that an image
 * holds everything its commands import, and that those packages are runtime dependencies.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Files reached, relative to `root`, `/`-separated. */
  readonly files: ReadonlySet<string>;
  /** Package names reached (`express`, `@medplum/core`). */
  readonly packages: ReadonlySet<string>;
  /** Relative imports that name no file. */
  readonly unresolved: readonly string[];
}

function specifiersOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((c) => existsSync(c) && !c.endsWith('/') && /\.[cm]?[jt]sx?$|\.json$/.test(c));
}

const CODE = /\.[cm]?[jt]sx?$/;

/** Walks from `entries` (paths relative to `root`). */
export function importGraph(root: string, entries: readonly string[]): ImportGraph {
  const files = new Set<string>();
  const packages = new Set<string>();
  const unresolved: string[] = [];
  const queue = entries.map((e) => resolve(root, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    const rel = relative(root, file).split('\\').join('/');
    if (files.has(rel)) continue;
    files.add(rel);
    if (!CODE.test(file)) continue;
    for (const specifier of specifiersOf(file, readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolveLocal(file, specifier);
        if (target) queue.push(target);
        else unresolved.push(`${rel} → ${specifier}`);
      } else if (!isBuiltin(specifier)) {
        packages.add(packageName(specifier));
      }
    }
  }
  return { files, packages, unresolved };
}
