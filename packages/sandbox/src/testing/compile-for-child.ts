/**
 * Test-only: compiles the package's TypeScript sources, .ts and .tsx (tests left out), to CommonJS
 * in a temporary folder, so a plain `node` child process can run the current sources (Node 20
 * cannot run TypeScript). The child resolves dependencies through NODE_PATH=`PACKAGE_NODE_MODULES`
 * (Node, Bun) or through the folder's `node_modules` link to it (Deno, which ignores NODE_PATH).
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The package's `src` folder. */
const SRC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the child resolves hono, pino, pg, better-sqlite3 and the @wallet packages. */
export const PACKAGE_NODE_MODULES = join(SRC_DIR, '..', 'node_modules');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Compiles `src` to CommonJS; returns the folder (mirrors `src`). */
export function compileSourcesForChild(): string {
  const out = mkdtempSync(join(tmpdir(), 'wallet-sandbox-child-'));
  writeFileSync(join(out, 'package.json'), '{"type":"commonjs"}\n');
  symlinkSync(PACKAGE_NODE_MODULES, join(out, 'node_modules'), 'dir');
  for (const file of sources(SRC_DIR)) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        // The dashboard's pages are Hono JSX (.tsx), as in the package's tsconfig.
        jsx: ts.JsxEmit.ReactJSX,
        jsxImportSource: 'hono/jsx',
      },
      fileName: file,
    });
    const target = join(out, relative(SRC_DIR, file)).replace(/\.tsx?$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return out;
}
