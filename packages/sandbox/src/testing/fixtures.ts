/** Test-only fixtures: a movable clock and a listening sandbox, plus the request builders of `requests.ts`. */
import type { SandboxMerchant } from '../merchants/registry.js';
import type { SandboxOptions } from '../options.js';
import { createSandbox, type Sandbox } from '../sandbox.js';
import { FIXED_MERCHANT, PREFIX_MERCHANT } from './requests.js';
import { WalletTestClient } from './wallet-test-client.js';

export * from './requests.js';

/** A clock tests move by hand. */
export class TestClock {
  #time: number;

  constructor(start: Date | number = Date.now()) {
    this.#time = typeof start === 'number' ? start : start.getTime();
  }

  readonly now = (): Date => new Date(this.#time);

  advanceSeconds(seconds: number): void {
    this.#time += seconds * 1000;
  }

  set(date: Date): void {
    this.#time = date.getTime();
  }
}

/** The credentials of one of `sandbox`'s merchants (the first when no key is given). */
export function merchantOf(sandbox: Sandbox, merchantKey?: string): SandboxMerchant {
  const merchant =
    merchantKey === undefined
      ? sandbox.merchants[0]
      : sandbox.merchants.find((m) => m.merchantKey === merchantKey);
  if (merchant === undefined) throw new Error(`the sandbox has no merchant ${merchantKey ?? ''}`);
  return merchant;
}

export interface RunningSandbox {
  readonly sandbox: Sandbox;
  readonly url: string;
  /** A client of `merchantKey` (default the prefix merchant) over real sockets. */
  client(merchantKey?: string, now?: () => Date): WalletTestClient;
  close(): Promise<void>;
}

/** A sandbox with the two test merchants (unless `options.merchants` says otherwise), listening on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await createSandbox({
    logger: false,
    env: {},
    output: () => undefined,
    merchants: [PREFIX_MERCHANT, FIXED_MERCHANT],
    ...options,
  });
  const address = await sandbox.listen(0);
  return {
    sandbox,
    url: address.url,
    client(merchantKey = PREFIX_MERCHANT.merchantKey, now) {
      return new WalletTestClient({
        target: address.url,
        merchant: merchantOf(sandbox, merchantKey),
        ...(now === undefined ? {} : { now }),
      });
    },
    close: () => sandbox.close(),
  };
}
