/**
 * `@wallet/client/testing`: a client wired to an in-process sandbox, for merchants' own test
 * suites. Requests go through the sandbox's `fetch` (no socket, no port), against a fresh
 * in-memory store, with a generated merchant:
 *
 *   import { createTestClient } from '@wallet/client/testing';
 *
 *   const { client, sandbox, close } = await createTestClient();
 *   const { urn } = await client.registerCustomer({ customerDetails, productId: 35 });
 *   await close();
 *
 * This is the only entry of the package that imports `@wallet/sandbox` (an optional peer
 * dependency: install it as a dev dependency to use this entry).
 */
import {
  createWalletClient,
  type WalletClient,
  type WalletClientConfig,
  type WalletCore,
} from '@wallet/client';
import {
  createSandbox,
  type Sandbox,
  type SandboxMerchant,
  type SandboxOptions,
} from '@wallet/sandbox';

/** Options of {@link createTestClient}. */
export interface TestClientOptions {
  /**
   * Options of the sandbox. By default: an in-memory store, no environment, no log, and one
   * generated merchant (its credentials are not printed).
   */
  readonly sandbox?: SandboxOptions;
  /**
   * Client settings on top of those that wire it to the sandbox's first merchant (key, salt,
   * encryption key, IV mode, helper credentials and the in-process fetch).
   */
  readonly client?: Partial<WalletClientConfig>;
}

/** A client wired to a running in-process sandbox. */
export interface TestClient {
  readonly client: WalletClient;
  /** The client's core, for the standalone functions. */
  readonly core: WalletCore;
  readonly sandbox: Sandbox;
  /** The merchant the client acts as (its credentials are secrets of the test sandbox). */
  readonly merchant: SandboxMerchant;
  /** Closes the sandbox (and its store). */
  close(): Promise<void>;
}

/** The consumer id the test client sends to the helper API (the sandbox only checks presence). */
export const TEST_CONSUMER_ID = 'wallet-test-client';

/** The client settings that act as `merchant` through `sandbox`'s in-process fetch. */
export function sandboxClientConfig(
  sandbox: Sandbox,
  merchant: SandboxMerchant,
): WalletClientConfig {
  return {
    // Any origin works: the request never leaves the process.
    baseUrl: 'http://sandbox.invalid',
    merchantKey: merchant.merchantKey,
    merchantSalt: merchant.salt,
    encryptionKey: merchant.encryptionKey,
    iv: merchant.ivMode === 'fixed' && merchant.iv !== null ? { fixed: merchant.iv } : 'prefix',
    fetch: (request) => sandbox.fetch(request),
    helper: {
      apiKey: merchant.helper.apiKey,
      clientId: merchant.helper.clientId,
      bankId: merchant.helper.bankId,
      secureCode: merchant.helper.secureCode,
      consumerId: TEST_CONSUMER_ID,
    },
  };
}

/**
 * Starts an in-process sandbox and returns a client wired to its first merchant.
 * @throws {SandboxError} for unusable sandbox options; {@link WalletConfigError} for unusable client settings.
 */
export async function createTestClient(options: TestClientOptions = {}): Promise<TestClient> {
  const sandbox = await createSandbox({
    env: {},
    logger: false,
    output: () => {},
    ...options.sandbox,
  });
  try {
    const merchant = sandbox.merchants[0];
    if (merchant === undefined) throw new Error('The sandbox has no merchant to act as.');
    const client = createWalletClient({
      ...sandboxClientConfig(sandbox, merchant),
      ...options.client,
    });
    return { client, core: client.core, sandbox, merchant, close: () => sandbox.close() };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
