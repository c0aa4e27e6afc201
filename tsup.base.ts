import type { Options } from 'tsup';

/** The build every published package shares: ESM and CJS with types for both, for Node 20.19+. */
export function packageConfig(entry: string[] | Record<string, string>): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
  };
}
