/**
 * Test-only: a model of the wallet platform's money rules, written from wallet-apis.md (not from
 * the sandbox's code), and the fast-check commands that drive the model and an in-process sandbox
 * side by side: register, load, unload, status changes, retries and conflicting reuse of a
 * clientTxnId. After every command the sandbox's balances and statuses must equal the model's.
 */
import { type KycProfile, WALLET_STATUS_TYPES, type WalletStatusType } from '@wallet/schemas';
import type fc from 'fast-check';
import { expect } from 'vitest';
import type { Sandbox } from '../sandbox.js';
import { loadFields, registerFields, unloadFields } from '../testing/fixtures.js';
import type { WalletTestClient, WalletTestResponse } from '../testing/wallet-test-client.js';

export const STATUSES: readonly WalletStatusType[] = WALLET_STATUS_TYPES;

/** Balance cap and per-transaction load range per KYC profile, in paise (wallet-apis.md). */
const LIMITS: Readonly<Record<KycProfile, { cap: number; maxLoad: number }>> = {
  30: { cap: 1_000_000, maxLoad: 1_000_000 },
  300: { cap: 1_000_000, maxLoad: 1_000_000 },
  150: { cap: 20_000_000, maxLoad: 20_000_000 },
};

/** The code a blocked credit or debit answers, per status (the Change Wallet Status table). */
const BLOCKS: Readonly<Record<WalletStatusType, { credit?: string; debit?: string }>> = {
  Active: {},
  Debit: { debit: '1117' },
  Custom: { debit: '1117' },
  Credit: { credit: '1118' },
  CreditDebit: { credit: '1121', debit: '1121' },
  Temporary: { credit: '6014', debit: '6014' },
  Dormant: { credit: '6000', debit: '6000' },
  Permanent: { credit: '6002', debit: '6002' },
  Closed: { credit: '6002', debit: '6002' },
};
const FINAL: readonly WalletStatusType[] = ['Permanent', 'Closed'];

/**
 * Amounts the sandbox treats as magic values (forced faults), which the model leaves out. (The
 * magic mobile numbers start with 91555, which `registerFields` never draws.)
 */
export const MAGIC_AMOUNTS: readonly number[] = [99_997, 99_998, 99_999];

export interface ModelWallet {
  readonly urn: string;
  readonly customerId: string;
  readonly accountNumber: string;
  readonly mobile: string;
  readonly kyc: KycProfile;
  balance: number;
  status: WalletStatusType;
}

/** A request the sandbox answered with a platform decision, kept for retries. */
interface Answered {
  readonly api: 'registerCustomer' | 'load' | 'unload' | 'changeWalletStatus';
  readonly decrypted: Record<string, unknown>;
  readonly response: WalletTestResponse;
}

export interface WalletModel {
  readonly wallets: ModelWallet[];
  readonly answered: Answered[];
}

export interface WalletReal {
  readonly sandbox: Sandbox;
  readonly client: WalletTestClient;
}

type Command = fc.AsyncCommand<WalletModel, WalletReal>;

export type Reference = 'urn' | 'customerMobile' | 'customerId';

function referenceOf(wallet: ModelWallet, by: Reference): Record<string, string> {
  if (by === 'urn') return { urn: wallet.urn };
  if (by === 'customerMobile') return { customerMobile: wallet.mobile };
  return { customerId: wallet.customerId };
}

function walletAt(model: WalletModel, index: number): ModelWallet {
  const wallet = model.wallets[index % model.wallets.length];
  if (wallet === undefined) throw new Error('no wallet');
  return wallet;
}

function codeOf(response: WalletTestResponse): unknown {
  return response.body?.responseCode;
}

/** The sandbox holds exactly the model's balances and statuses. */
async function expectSameWallets(model: WalletModel, real: WalletReal): Promise<void> {
  const merchantKey = real.client.merchant.merchantKey;
  for (const wallet of model.wallets) {
    const account = await real.sandbox.store.findAccount(merchantKey, { urn: wallet.urn });
    expect(account?.wallet.balance, `balance of ${wallet.urn}`).toBe(wallet.balance);
    expect(account?.wallet.status, `status of ${wallet.urn}`).toBe(wallet.status);
  }
}

async function send(
  model: WalletModel,
  real: WalletReal,
  api: Answered['api'],
  fields: Record<string, unknown>,
): Promise<WalletTestResponse> {
  const decrypted = real.client.request(api, fields);
  const response = await real.client.call(api, decrypted);
  model.answered.push({ api, decrypted, response });
  return response;
}

export class RegisterCommand implements Command {
  constructor(readonly kyc: KycProfile) {}
  check = (): boolean => true;
  async run(model: WalletModel, real: WalletReal): Promise<void> {
    const fields = registerFields({ kycProfile: this.kyc, formFactorRequired: true });
    const response = await send(model, real, 'registerCustomer', fields);
    expect(codeOf(response), JSON.stringify(response.body)).toBe('00');
    const body = response.body ?? {};
    model.wallets.push({
      urn: String(body.urn),
      customerId: String(body.customerId),
      accountNumber: String((body.formFactor as { accountNumber: string }).accountNumber),
      mobile: String((fields.customerDetails as { mobileNumber: string }).mobileNumber),
      kyc: this.kyc,
      balance: 0,
      status: 'Active',
    });
    await expectSameWallets(model, real);
  }
  toString = (): string => `register(kyc ${this.kyc})`;
}

export class RegisterTakenMobileCommand implements Command {
  constructor(readonly wallet: number) {}
  check = (model: Readonly<WalletModel>): boolean => model.wallets.length > 0;
  async run(model: WalletModel, real: WalletReal): Promise<void> {
    const taken = walletAt(model, this.wallet).mobile;
    const response = await send(
      model,
      real,
      'registerCustomer',
      registerFields({}, { mobileNumber: taken }),
    );
    expect([response.status, codeOf(response)]).toEqual([409, '1030']);
    await expectSameWallets(model, real);
  }
  toString = (): string => `registerTakenMobile(${this.wallet})`;
}

export class LoadCommand implements Command {
  constructor(
    readonly wallet: number,
    readonly amount: number,
    readonly by: Reference,
  ) {}
  check = (model: Readonly<WalletModel>): boolean => model.wallets.length > 0;
  async run(model: WalletModel, real: WalletReal): Promise<void> {
    const wallet = walletAt(model, this.wallet);
    const limits = LIMITS[wallet.kyc];
    const expected =
      BLOCKS[wallet.status].credit ??
      (this.amount > limits.maxLoad ? '10153' : undefined) ??
      (wallet.balance + this.amount > limits.cap ? '1050' : '00');
    const fields = {
      ...loadFields('', this.amount),
      urn: undefined,
      ...referenceOf(wallet, this.by),
    };
    const response = await send(model, real, 'load', fields);
    expect(codeOf(response), JSON.stringify(response.body)).toBe(expected);
    if (expected === '00') {
      wallet.balance += this.amount;
      expect(response.body?.availableBalance).toBe(wallet.balance);
    }
    await expectSameWallets(model, real);
  }
  toString = (): string => `load(${this.wallet}, ${this.amount}, by ${this.by})`;
}

export class UnloadCommand implements Command {
  constructor(
    readonly wallet: number,
    readonly amount: number,
    readonly by: Reference,
  ) {}
  check = (model: Readonly<WalletModel>): boolean => model.wallets.length > 0;
  async run(model: WalletModel, real: WalletReal): Promise<void> {
    const wallet = walletAt(model, this.wallet);
    const expected = BLOCKS[wallet.status].debit ?? (this.amount > wallet.balance ? '3007' : '00');
    const fields = {
      ...unloadFields('', this.amount),
      urn: undefined,
      ...referenceOf(wallet, this.by),
    };
    const response = await send(model, real, 'unload', fields);
    expect(codeOf(response), JSON.stringify(response.body)).toBe(expected);
    if (expected === '00') {
      wallet.balance -= this.amount;
      expect(response.body?.availableBalance).toBe(wallet.balance);
    }
    await expectSameWallets(model, real);
  }
  toString = (): string => `unload(${this.wallet}, ${this.amount}, by ${this.by})`;
}

export class ChangeStatusCommand implements Command {
  constructor(
    readonly wallet: number,
    readonly status: WalletStatusType,
  ) {}
  check = (model: Readonly<WalletModel>): boolean => model.wallets.length > 0;
  async run(model: WalletModel, real: WalletReal): Promise<void> {
    const wallet = walletAt(model, this.wallet);
    const expected = FINAL.includes(wallet.status) ? '3533' : '00';
    const response = await send(model, real, 'changeWalletStatus', {
      accountNumber: wallet.accountNumber,
      statusType: this.status,
      reason: 'model',
    });
    expect(codeOf(response), JSON.stringify(response.body)).toBe(expected);
    if (expected === '00') wallet.status = this.status;
    await expectSameWallets(model, real);
  }
  toString = (): string => `changeStatus(${this.wallet}, ${this.status})`;
}

/** The same request again (fresh date and signature): the same response, replayed, no effect. */
export class RetryCommand implements Command {
  constructor(readonly which: number) {}
  check = (model: Readonly<WalletModel>): boolean => model.answered.length > 0;
  async run(model: WalletModel, real: WalletReal): Promise<void> {
    const earlier = model.answered[this.which % model.answered.length];
    if (earlier === undefined) throw new Error('nothing answered');
    const response = await real.client.call(earlier.api, earlier.decrypted);
    expect(response.status).toBe(earlier.response.status);
    expect(response.body).toEqual(earlier.response.body);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    await expectSameWallets(model, real);
  }
  toString = (): string => `retry(${this.which})`;
}

/** The clientTxnId of an answered request with other content: 5000 (409), no effect. */
export class ConflictCommand implements Command {
  constructor(readonly which: number) {}
  check = (model: Readonly<WalletModel>): boolean => model.answered.length > 0;
  async run(model: WalletModel, real: WalletReal): Promise<void> {
    const earlier = model.answered[this.which % model.answered.length];
    if (earlier === undefined) throw new Error('nothing answered');
    const wallet = walletAt(model, this.which);
    const other = {
      ...loadFields(wallet.urn, 1, { sender: 'Conflicting Sender' }),
      clientTxnId: earlier.decrypted.clientTxnId,
    };
    const response = await real.client.call('load', real.client.request('load', other));
    // `request` sets a fresh clientTxnId first; `other` puts the old one back over it.
    expect([response.status, codeOf(response)]).toEqual([409, '5000']);
    await expectSameWallets(model, real);
  }
  toString = (): string => `conflict(${this.which})`;
}
