import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The store's source folder (`src/store`). */
const STORE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The package's own node_modules, where the child resolves better-sqlite3 and pg. */
export const PACKAGE_NODE_MODULES = join(STORE_DIR, '..', '..', 'node_modules');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Compiles the store's TypeScript sources to CommonJS in a temporary folder, so a plain `node`
 * child process can run them (Node 20 cannot run TypeScript). Returns the folder.
 */
export function compileStoreForChild(): string {
  const out = mkdtempSync(join(tmpdir(), 'wallet-store-child-'));
  writeFileSync(join(out, 'package.json'), '{"type":"commonjs"}\n');
  for (const file of sources(STORE_DIR)) {
    if (file.endsWith('store-conformance.ts') || file.endsWith('compile-for-child.ts')) continue;
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: file,
    });
    const target = join(out, relative(STORE_DIR, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return out;
}
