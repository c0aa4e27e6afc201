/**
 * `POST /merchant/postservice.php?form=2` (checkout.md section 5): the command API. Every call is
 * checked against its command hash (`key|command|var1|SALT`) before anything is read; an unknown
 * key fails like a bad hash, so the response tells nothing about which merchants exist.
 */
import { timingSafeEqual } from 'node:crypto';
import { CheckoutFieldError, commandHash } from '@wallet/checkout';
import { WALLET_IDENTIFIER } from '@wallet/schemas';
import type { MerchantRegistry } from '../merchants/registry.js';
import type { JsonObject } from '../store/json.js';
import type { Store } from '../store/store-api.js';
import { paiseToRupees, rupeesToPaise } from './amount.js';
import type { FormFields } from './form.js';
import { refundRefusals } from './gateway-errors.js';
import { refundMagicFails } from './magic.js';
import { paymentDetails } from './payment-response.js';
import { queueRefund, refundDetails } from './refund.js';

export interface PostserviceSettings {
  readonly store: Store;
  readonly registry: MerchantRegistry;
  readonly now: () => Date;
  readonly magicValues: boolean;
}

/** A command's response and, for the journal, the merchant it was for. */
export interface PostserviceResponse {
  readonly body: JsonObject;
  readonly merchantKey: string | undefined;
  readonly command: string | undefined;
}

const INVALID_HASH: JsonObject = { status: 0, msg: 'Invalid Hash.' };
const MAX_TXNIDS = 100;
const MOBILE = /^\d{10,15}$/;

type Command = (
  vars: ReadonlyMap<string, string>,
  merchantKey: string,
  settings: PostserviceSettings,
) => Promise<JsonObject>;

function sameHash(given: string, expected: string): boolean {
  const wanted = Buffer.from(expected, 'latin1');
  const received = given.length === expected.length ? Buffer.from(given, 'latin1') : wanted;
  return timingSafeEqual(received, wanted) && given.length === expected.length;
}

/** `var1` split on `|`, or undefined when it names no txnid or too many. */
function txnidList(var1: string): string[] | undefined {
  const txnids = var1.split('|').filter((txnid) => txnid !== '');
  return txnids.length === 0 || txnids.length > MAX_TXNIDS ? undefined : txnids;
}

const verifyPayment: Command = async (vars, merchantKey, { store, now }) => {
  const txnids = txnidList(vars.get('var1') ?? '');
  if (txnids === undefined) return { status: 0, msg: `var1: must name 1 to ${MAX_TXNIDS} txnids` };
  const details: JsonObject = {};
  let found = 0;
  for (const txnid of txnids) {
    const payment =
      txnid.length > 25 ? null : await store.checkout.findPayment(merchantKey, { txnid });
    if (payment === null) {
      details[txnid] = { mihpayid: 'Not Found', status: 'Not Found' };
    } else {
      found += 1;
      details[txnid] = paymentDetails(payment, now());
    }
  }
  return {
    status: found > 0 ? 1 : 0,
    msg: `${found} out of ${txnids.length} Transactions Fetched Successfully`,
    transaction_details: details,
  };
};

const checkPayment: Command = async (vars, merchantKey, { store, now }) => {
  const mihpayid = vars.get('var1') ?? '';
  const payment = /^\d{1,30}$/.test(mihpayid)
    ? await store.checkout.findPayment(merchantKey, { mihpayid })
    : null;
  if (payment === null) return { status: 0, msg: 'Transaction Not Found' };
  return {
    status: 1,
    msg: 'Transaction Fetched Successfully',
    transaction_details: { [mihpayid]: paymentDetails(payment, now()) },
  };
};

const cancelRefund: Command = async (vars, merchantKey, settings) => {
  const mihpayid = vars.get('var1') ?? '';
  const token = vars.get('var2') ?? '';
  const amount = vars.get('var3') ?? '';
  if (!/^\d{1,30}$/.test(mihpayid)) {
    return {
      status: 0,
      msg: refundRefusals.notFound.msg,
      error_code: refundRefusals.notFound.error_code,
    };
  }
  if (token === '' || token.length > 23) {
    return { status: 0, msg: 'var2: the token must be 1 to 23 characters' };
  }
  const amountPaise = rupeesToPaise(amount);
  if (amountPaise === undefined) {
    return {
      status: 0,
      msg: 'var3: the amount must be rupees greater than zero with at most two decimals',
      error_code: refundRefusals.invalidAmount.error_code,
    };
  }
  return queueRefund(
    settings.store,
    {
      merchantKey,
      mihpayid,
      token,
      amount,
      amountPaise,
      forceFailure: refundMagicFails(amountPaise, settings.magicValues),
    },
    settings.now,
  );
};

const checkActionStatus: Command = async (vars, merchantKey, { store, now }) => {
  const requestId = vars.get('var1') ?? '';
  const refund = /^\d{1,30}$/.test(requestId)
    ? await store.checkout.findRefund(merchantKey, requestId)
    : null;
  if (refund === null) return { status: 0, msg: 'No action status found' };
  const { txnid: _txnid, request_id: _requestId, ...detail } = refundDetails(refund, now());
  return {
    status: 1,
    msg: '1 out of 1 Transactions Fetched Successfully',
    transaction_details: { [requestId]: { [requestId]: detail } },
  };
};

const getAllRefunds: Command = async (vars, merchantKey, { store, now }) => {
  const txnids = txnidList(vars.get('var1') ?? '');
  if (txnids === undefined) return { status: 0, msg: `var1: must name 1 to ${MAX_TXNIDS} txnids` };
  const refunds = await store.checkout.refundsOfTxnids(
    merchantKey,
    txnids.filter((txnid) => txnid.length <= 25),
  );
  const byTxnid: JsonObject = {};
  for (const refund of refunds) {
    const list = (byTxnid[refund.txnid] as JsonObject[] | undefined) ?? [];
    list.push(refundDetails(refund, now()));
    byTxnid[refund.txnid] = list;
  }
  return {
    status: refunds.length > 0 ? 1 : 0,
    msg: `${refunds.length} refunds found`,
    transaction_details: byTxnid,
  };
};

const checkBalance: Command = async (vars, merchantKey, { store }) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(vars.get('var1') ?? '');
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { status: 0, msg: 'var1: must be a JSON object' };
  }
  const { walletIdentifier, mobile } = parsed as Record<string, unknown>;
  if (walletIdentifier !== WALLET_IDENTIFIER) {
    return { status: 0, msg: `var1.walletIdentifier: must be ${WALLET_IDENTIFIER}` };
  }
  if (typeof mobile !== 'string' || !MOBILE.test(mobile)) {
    return { status: 0, msg: 'var1.mobile: must be 10 to 15 digits' };
  }
  const account = await store.findAccount(merchantKey, { mobile });
  if (account === null) return { status: 0, msg: 'Source not found.' };
  return {
    status: 1,
    msg: 'Balance Fetched Successfully',
    cardBalance: paiseToRupees(account.wallet.balance),
    cardName: 'Closed Loop Wallet',
  };
};

/** Every command of checkout.md section 5. */
export const POSTSERVICE_COMMANDS: Readonly<Record<string, Command>> = {
  verify_payment: verifyPayment,
  check_payment: checkPayment,
  cancel_refund_transaction: cancelRefund,
  check_action_status: checkActionStatus,
  getAllRefundsFromTxnIds: getAllRefunds,
  check_balance: checkBalance,
};

/** Answers one postservice call whose form was read. */
export async function respondToPostservice(
  form: FormFields,
  settings: PostserviceSettings,
): Promise<PostserviceResponse> {
  const key = form.get('key') ?? '';
  const command = form.get('command') ?? '';
  const var1 = form.get('var1') ?? '';
  const merchant = key === '' ? undefined : await settings.registry.get(key);
  if (merchant === undefined) return { body: INVALID_HASH, merchantKey: undefined, command };
  let expected: string;
  try {
    expected = commandHash({ key, command, var1 }, merchant.credentials.salt);
  } catch (error) {
    if (error instanceof CheckoutFieldError) {
      return { body: INVALID_HASH, merchantKey: undefined, command };
    }
    throw error;
  }
  if (!sameHash((form.get('hash') ?? '').toLowerCase(), expected)) {
    return { body: INVALID_HASH, merchantKey: undefined, command };
  }
  const handler = Object.hasOwn(POSTSERVICE_COMMANDS, command)
    ? POSTSERVICE_COMMANDS[command]
    : undefined;
  if (handler === undefined) {
    return { body: { status: 0, msg: 'Invalid command.' }, merchantKey: key, command };
  }
  return { body: await handler(form, key, settings), merchantKey: key, command };
}
