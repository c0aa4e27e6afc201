/**
 * Test support (not exported): the real sandbox, listening on 127.0.0.1 (port 0), and the client
 * settings of its merchants, for the integration tests.
 */
import {
  createSandbox,
  type Sandbox,
  type SandboxMerchant,
  type SandboxOptions,
} from '@wallet/sandbox';
import { formatDayMonthYear } from '@wallet/schemas';
import type { WalletClientConfig } from './config.js';

/** Two merchants: the default one seals with a fresh IV per message, the other with a fixed IV
 * and answers in Wibmo's `token` field. */
export const MERCHANTS = [
  {
    merchantKey: 'merchant-prefix',
    salt: 'integration-salt-4b1c9a',
    encryptionKey: '000102030405060708090a0b0c0d0e0f1011121314151617',
  },
  {
    merchantKey: 'merchant-fixed',
    salt: 'integration-salt-fixed-77',
    encryptionKey: 'f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566ff',
    ivMode: 'fixed',
    iv: '0f0e0d0c0b0a09080706050403020100',
    responseField: 'token',
  },
] as const;

export interface ListeningSandbox {
  readonly sandbox: Sandbox;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Client settings acting as `merchantKey` on `baseUrl` (the sandbox by default). */
  config(
    merchantKey?: string,
    extra?: Partial<WalletClientConfig>,
  ): WalletClientConfig & { readonly baseUrl: string };
  merchant(merchantKey?: string): SandboxMerchant;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<ListeningSandbox> {
  const sandbox = await createSandbox({
    env: {},
    logger: false,
    output: () => {},
    merchants: MERCHANTS,
    ...options,
  });
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const merchant = (key: string = MERCHANTS[0].merchantKey): SandboxMerchant => {
    const found = sandbox.merchants.find((m) => m.merchantKey === key);
    if (found === undefined) throw new Error(`no merchant ${key}`);
    return found;
  };
  return {
    sandbox,
    url,
    merchant,
    config: (key, extra = {}) => {
      const m = merchant(key);
      return {
        baseUrl: url,
        merchantKey: m.merchantKey,
        merchantSalt: m.salt,
        encryptionKey: m.encryptionKey,
        iv: m.ivMode === 'fixed' && m.iv !== null ? { fixed: m.iv } : 'prefix',
        helper: {
          apiKey: m.helper.apiKey,
          clientId: m.helper.clientId,
          bankId: m.helper.bankId,
          secureCode: m.helper.secureCode,
          consumerId: 'integration-consumer',
        },
        ...extra,
      } as WalletClientConfig & { readonly baseUrl: string };
    },
    close: () => sandbox.close(),
  };
}

let mobileCounter = 0;

/** A mobile number no other test of this process uses. */
export function freshMobile(): string {
  mobileCounter += 1;
  return `91${String(9_000_000_000 + process.pid * 1000 + mobileCounter).slice(-10)}`;
}

/** Register Customer parameters for a fresh customer. */
export function newCustomer(extra: Record<string, unknown> = {}) {
  return {
    customerDetails: {
      firstName: 'Asha',
      lastName: 'Verma',
      dateOfBirth: '14-02-1991',
      mobileNumber: freshMobile(),
      emailAddress: 'asha.verma@example.com',
    },
    productId: 35,
    ...extra,
  };
}

/** Today on the platform's clock, as Statement Inquiry writes dates. */
export function today(): string {
  return formatDayMonthYear(new Date(), '/');
}

/** Load parameters crediting `amount` paise to `urn`. */
export function credit(urn: string, amount: number, extra: Record<string, unknown> = {}) {
  return {
    urn,
    transactionAmount: amount,
    sender: 'Integration test',
    fundFlowType: 'I' as const,
    implId: 'impl-1',
    implType: 'test',
    ...extra,
  };
}

/** Unload parameters debiting `amount` paise from `urn`. */
export function debit(urn: string, amount: number) {
  return {
    urn,
    transactionAmount: amount,
    receiver: 'Integration test',
    fundFlowType: 'O' as const,
    implId: 'impl-1',
    implType: 'test',
  };
}
