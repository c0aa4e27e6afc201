/** Old names of `@wallet/sandbox/testing`'s exports, kept so tests written against them compile. */
import type { WalletTestResponse } from './wallet-test-client.js';

/** @deprecated use {@link WalletTestResponse}: one word, "response", for what the sandbox sends back. */
export type WalletAnswer = WalletTestResponse;
