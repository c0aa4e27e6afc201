/**
 * Test support for the developer tools: the demo server started in this process on a free
 * loopback port (in-memory store, dashboard at /), and a @wallet/client configured as its merchant.
 */
import { createWalletClient, type WalletClient, type WalletClientConfig } from '@wallet/client';
import type { SandboxMerchant } from '@wallet/sandbox';
import { DEFAULT_JOURNAL_SIZE, type DemoServerOptions } from '../options.js';
import { type RunningDemoServer, startDemoServer } from '../server.js';

export interface DevServer extends RunningDemoServer {
  readonly merchant: SandboxMerchant;
  client(extra?: Partial<WalletClientConfig>): WalletClient;
}

export async function startDevServer(options: Partial<DemoServerOptions> = {}): Promise<DevServer> {
  const server = await startDemoServer(
    {
      port: 0,
      host: '127.0.0.1',
      database: ':memory:',
      merchantsFile: undefined,
      seedFile: undefined,
      faultsFile: undefined,
      journalSize: DEFAULT_JOURNAL_SIZE,
      dashboard: true,
      adminToken: undefined,
      logLevel: 'silent',
      ...options,
    },
    () => undefined,
  );
  const merchant = server.sandbox.merchants[0];
  if (merchant === undefined) throw new Error('the demo server has no merchant');
  return {
    ...server,
    merchant,
    client: (extra = {}) =>
      createWalletClient({
        baseUrl: server.url,
        merchantKey: merchant.merchantKey,
        merchantSalt: merchant.salt,
        encryptionKey: merchant.encryptionKey,
        ...extra,
      }),
  };
}

/** A random Indian mobile number (91, then ten digits starting with 7), unlikely to be taken. */
export function freshMobileNumber(): string {
  return `917${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
}

/** A Register Customer call's parameters with a fresh mobile number. */
export function newCustomer(firstName = 'Asha'): {
  customerDetails: {
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    mobileNumber: string;
  };
  productId: number;
} {
  return {
    customerDetails: {
      firstName,
      lastName: 'Rao',
      dateOfBirth: '15-08-1990',
      mobileNumber: freshMobileNumber(),
    },
    productId: 35,
  };
}

/** Load parameters for `urn`. */
export function loadParams(urn: string, transactionAmount: number) {
  return {
    urn,
    transactionAmount,
    sender: 'Test Sender',
    fundFlowType: 'I' as const,
    implId: 'impl-1',
    implType: 'checkout',
  };
}
