/**
 * Node's and Bun's `Buffer`, when the runtime has one. The shared codecs use it only as a faster
 * path to the very same bytes and strings as their portable code (the tests hold both to the same
 * results); browsers and workers without it take the portable path.
 */
export const nativeBuffer: typeof Buffer | undefined =
  typeof globalThis.Buffer === 'function' ? globalThis.Buffer : undefined;
