/**
 * `@wallet/sandbox/testing`: what a test suite needs to drive a sandbox with raw, hand-built
 * requests: the two test merchants, request builders, a signing and sealing test client, and
 * throwaway PostgreSQL databases. It loads nothing of the sandbox itself.
 */
export { clientsFor, credentialsOf } from './clients.js';
export type { WalletAnswer } from './deprecated-names.js';
export {
  adminQuery,
  createTestDatabase,
  PG_ADMIN_URL,
  requirePostgresInCi,
  type TestDatabase,
} from './postgres.js';
export {
  callApi,
  codeOf,
  FIXED_MERCHANT,
  loadFields,
  PREFIX_MERCHANT,
  type Registered,
  register,
  registerFields,
  uniqueMobile,
  unloadFields,
} from './requests.js';
export {
  type ClientCredentials,
  type Fetch,
  type SendOptions,
  WalletTestClient,
  type WalletTestClientOptions,
  type WalletTestResponse,
} from './wallet-test-client.js';
