/**
 * Every library the app's own code imports is a `dependency`, so that `npm run audit` (which audits dependencies
 * only) audits everything that ships. The imports are read from TypeScript's own syntax tree: static and dynamic
 * imports and re-exports, not `import type`, which leaves nothing in the build.
 */
import { globSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The app's shipped source: the renderer, main and preload processes, and their shared code, without tests. */
function shippedFiles(): string[] {
  return ['renderer/src', 'electron', 'shared']
    .flatMap((folder) => globSync(`${folder}/**/*.{ts,tsx}`, { cwd: root }))
    .filter((file) => !/\.(test|spec)\.tsx?$|\.d\.ts$/.test(file));
}

/** `@scope/name` or `name` of a bare import, or null for a relative path or a Node built-in. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const [first, second] = specifier.split('/');
  const name = first!.startsWith('@') ? `${first}/${second}` : first!;
  return builtinModules.includes(name) ? null : name;
}

/** The module names a file loads at run time. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier))
      names.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      names.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) names.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Each shipped file's imported packages. Test helpers (files that import Vitest) ship nothing and are left out. */
function importsByFile(): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const file of shippedFiles()) {
    const packages = new Set(runtimeImports(file).map(packageOf).filter((name) => name !== null));
    if (!packages.has('vitest')) result.set(file, packages);
  }
  return result;
}

describe('shipped libraries', () => {
  it('are all dependencies, not devDependencies', () => {
    const imports = importsByFile();
    // The renderer alone imports dozens of packages: an empty result would mean the scan found nothing.
    expect(new Set([...imports.values()].flatMap((names) => [...names])).size).toBeGreaterThan(30);
    const undeclared = [...imports].flatMap(([file, names]) =>
      [...names]
        // Electron is the shell itself: electron-builder ships its binary, not the npm package.
        .filter((name) => name !== 'electron' && !(name in manifest.dependencies))
        .map((name) => `${name} (imported by ${file})`),
    );
    expect(undeclared).toEqual([]);
  });

  it('has no package listed twice', () => {
    const both = Object.keys(manifest.dependencies).filter((name) => name in manifest.devDependencies);
    expect(both).toEqual([]);
  });
});
