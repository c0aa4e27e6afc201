// Shared by the test files only; never published. The web build in tests: vitest.config.ts loads
// `index.ts` a second time for this module, with `digest.web.ts` (@noble/hashes) in place of
// `digest.node.ts`, as tsup.config.ts does for the published web build. Every other module
// (errors included) is the one the Node build uses.
export * from './index.js';
