// Shared by the test files only; no entry point imports this module, so it is never published.
import { readFileSync } from 'node:fs';
import * as nodeBuild from './index.js';
import * as webBuild from './test-web-build.js';

/** One vector of fixtures/payu-hash-vectors.json (recomputed with sha512sum / sha256sum). */
export interface PayuHashVector {
  readonly name: string;
  readonly kind: 'payment' | 'response' | 'command' | 'pgLoadChecksum';
  readonly salt: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly status?: string;
  readonly additional_charges?: string;
  readonly additionalCharges?: string;
  readonly key?: string;
  readonly command?: string;
  readonly var1?: string;
  readonly fields?: Readonly<Record<string, string>>;
  readonly string: string;
  readonly sha512?: string;
  readonly sha256?: string;
}

/** Read relative to this file so it works under Node 20, Node 24 and Bun alike. */
export const payuHashVectors: readonly PayuHashVector[] = JSON.parse(
  readFileSync(new URL('../../../fixtures/payu-hash-vectors.json', import.meta.url), 'utf8'),
).vectors;

/** Both builds, so every hash is checked through node:crypto and through @noble/hashes. */
export const builds = [
  { name: 'node:crypto', build: nodeBuild },
  { name: '@noble/hashes', build: webBuild },
] as const;
