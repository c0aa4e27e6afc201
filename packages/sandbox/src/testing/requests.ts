/**
 * Test-only: the sandbox's two test merchants and builders for wallet requests, sent with
 * `WalletTestClient`. Published as `@wallet/sandbox/testing`; loads nothing of the sandbox itself.
 */
import { randomInt } from 'node:crypto';
import type { ApiName } from '@wallet/schemas';
import type { MerchantConfig } from '../config/merchant-config.js';
import type { WalletTestClient, WalletTestResponse } from './wallet-test-client.js';

/** A merchant with random IVs, its key in hex, answers in `result`. */
export const PREFIX_MERCHANT: MerchantConfig = {
  merchantKey: 'merchant-prefix',
  salt: 'prefix-merchant-salt-0123456789',
  encryptionKey: '000102030405060708090a0b0c0d0e0f1011121314151617',
  ivMode: 'prefix',
};

/** A merchant with a static IV, its key in base64, answers in `token`. */
export const FIXED_MERCHANT: MerchantConfig = {
  merchantKey: 'merchant-fixed',
  salt: 'fixed-merchant-salt-9876543210',
  encryptionKey: Buffer.from('8f3c2b1a0e9d8c7b6a5948372615f4e3d2c1b0a9f8e7d6c5', 'hex').toString(
    'base64',
  ),
  ivMode: 'fixed',
  iv: 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf',
  responseField: 'token',
};

/** A mobile number no other test uses (in practice): 91 and ten random digits. */
export function uniqueMobile(): string {
  return `91${randomInt(6, 10)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

/** Register Customer fields for a new customer; `overrides` replace top-level fields. */
export function registerFields(
  overrides: Record<string, unknown> = {},
  details: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    customerDetails: {
      firstName: 'Asha',
      lastName: 'Rao',
      dateOfBirth: '15-08-1990',
      mobileNumber: uniqueMobile(),
      emailAddress: 'asha.rao@example.com',
      ...details,
    },
    kycProfile: 30,
    riskCategory: 'Low',
    productId: 35,
    formFactorRequired: true,
    ...overrides,
  };
}

/** A registered customer's identifiers. */
export interface Registered {
  readonly customerId: string;
  readonly urn: string;
  readonly accountNumber: string;
  readonly mobile: string;
}

/** Registers a customer (with a form factor, so the account number is known) and checks it worked. */
export async function register(
  client: WalletTestClient,
  overrides: Record<string, unknown> = {},
): Promise<Registered> {
  const fields = registerFields(overrides);
  const response = await client.call(
    'registerCustomer',
    client.request('registerCustomer', fields),
  );
  if (response.status !== 200) {
    throw new Error(
      `registerCustomer answered ${response.status}: ${JSON.stringify(response.body ?? response.json)}`,
    );
  }
  const body = response.body ?? {};
  const formFactor = body.formFactor as { accountNumber: string };
  return {
    customerId: String(body.customerId),
    urn: String(body.urn),
    accountNumber: formFactor.accountNumber,
    mobile: String((fields.customerDetails as { mobileNumber: string }).mobileNumber),
  };
}

/** Load fields for `urn`. */
export function loadFields(urn: string, amount: number, extra: Record<string, unknown> = {}) {
  return {
    urn,
    transactionAmount: amount,
    sender: 'Test Sender',
    fundFlowType: 'O',
    implId: 'impl-1',
    implType: 'merchant',
    ...extra,
  };
}

/** Unload fields for `urn`. */
export function unloadFields(urn: string, amount: number, extra: Record<string, unknown> = {}) {
  return {
    urn,
    transactionAmount: amount,
    receiver: 'Test Receiver',
    fundFlowType: 'O',
    implId: 'impl-1',
    implType: 'merchant',
    ...extra,
  };
}

/** Calls `api` with `fields` under a fresh clientTxnId. */
export function callApi(
  client: WalletTestClient,
  api: ApiName,
  fields: Record<string, unknown>,
): Promise<WalletTestResponse> {
  return client.call(api, client.request(api, fields));
}

/** The decrypted response's code and message, for compact assertions. */
export function codeOf(response: WalletTestResponse): { status: number; code: unknown } {
  return { status: response.status, code: (response.body ?? response.json)?.responseCode };
}
