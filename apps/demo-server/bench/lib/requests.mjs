// Real wallet requests for the server benchmark: each one sealed with the merchant's key, signed
// over its own date, with its own clientTxnId (and, for Register Customer, its own mobile number);
// and the payment gateway's: seamless payments and `verify_payment`, built with @wallet/checkout.
import { randomBytes, randomInt } from 'node:crypto';
import { createCheckout } from '@wallet/checkout';
import { createEnvelope } from '@wallet/crypto';
import { createRequestSigner } from '@wallet/hmac';
import {
  formatRequestDateTime,
  kycLimits,
  newClientTxnId,
  routes,
  WALLET_IDENTIFIER,
} from '@wallet/schemas';

/** A fresh merchant for one benchmark run: key, salt and AES key drawn at random. */
export function benchMerchant() {
  return {
    merchantKey: `bench-${randomBytes(4).toString('hex')}`,
    salt: randomBytes(24).toString('hex'),
    encryptionKey: randomBytes(24).toString('hex'),
    ivMode: 'prefix',
  };
}

/**
 * Mobile numbers unique within a run: `91`, a random 3-digit run prefix from 600 to 999 (never
 * `555`: the sandbox declines registrations of mobiles starting 91555, a magic value), then the
 * index in 7 digits, so up to 10 million customers per run never collide.
 */
export function mobileNumbers(runPrefix = randomInt(600, 1000)) {
  return (index) => `91${runPrefix}${String(index).padStart(7, '0')}`;
}

/** The decrypted fields of each benchmarked API, for customer number `index`. */
export const fieldsOf = {
  retrieveCustomer: (mobile) => ({ customerMobile: mobile }),
  registerCustomer: (mobile) => ({
    customerDetails: {
      firstName: 'Asha',
      lastName: 'Rao',
      dateOfBirth: '15-08-1990',
      mobileNumber: mobile,
      emailAddress: 'asha.rao@example.com',
    },
    kycProfile: 30,
    riskCategory: 'Low',
    productId: 35,
    formFactorRequired: false,
  }),
  load: (mobile) => ({
    customerMobile: mobile,
    transactionAmount: 100,
    sender: 'Bench Sender',
    fundFlowType: 'O',
    implId: 'bench',
    implType: 'merchant',
  }),
};

/** What each payer wallet is funded with before the payments: the KYC profile's balance cap. */
export const PAYER_FUNDS_PAISE = kycLimits[30].balanceCapPaise;
/** What each benchmarked payment debits: 1.00 INR. */
export const PAYMENT_AMOUNT = '1.00';
export const PAYMENT_PAISE = 100;

/**
 * The wallets the payments debit are registered with their mobile number as `customerId`, so a
 * payment names its wallet with `customer_id` = that mobile number, then funded to the cap.
 */
export const payerFieldsOf = {
  registerCustomer: (mobile) => ({ ...fieldsOf.registerCustomer(mobile), customerId: mobile }),
  load: (mobile) => ({ ...fieldsOf.load(mobile), transactionAmount: PAYER_FUNDS_PAISE }),
};

/** Payment txnids unique within a run (PayU allows 25 of `A-Z a-z 0-9 _ -`): `b<prefix>p<index>`. */
export function paymentTxnids(runPrefix) {
  return (index) => `b${runPrefix}p${index}`;
}

/**
 * Builds ready-to-send requests of one API for `merchant`: `next(mobile)` returns
 * `{ method, path, headers, body }` with a fresh clientTxnId, requestDateTime and signed date.
 * `fields` gives the API's decrypted fields for a mobile number (default `fieldsOf[api]`).
 */
export function requestFactory(merchant, api, fields = fieldsOf[api]) {
  const route = routes[api];
  const envelope = createEnvelope({ key: merchant.encryptionKey });
  const signer = createRequestSigner({
    merchantKey: merchant.merchantKey,
    merchantSalt: merchant.salt,
  });
  return (mobile) => {
    const now = new Date();
    const decrypted = {
      messageCode: route.requestMessageCode,
      clientTxnId: newClientTxnId(),
      requestDateTime: formatRequestDateTime(now),
      ...fields(mobile),
    };
    const body = JSON.stringify({ token: envelope.seal(decrypted) });
    const signed = signer.sign({ date: now, body });
    return {
      method: route.methods[0],
      path: route.path,
      headers: {
        'content-type': 'application/json',
        walletidentifier: WALLET_IDENTIFIER,
        date: signed.date,
        authorization: signed.authorization,
      },
      body,
    };
  };
}

/**
 * A checkout of `merchant` that sends nothing: `capture(call)` runs `call(checkout)` and returns
 * the request the SDK would have sent, `{ method, path, headers, body }`. Its `fetch` keeps the
 * request and fails it (the SDK then gives up, as it does without an answer), so the benchmark
 * sends exactly the bytes @wallet/checkout builds.
 */
function capturingCheckout(merchant) {
  let captured;
  const checkout = createCheckout({
    key: merchant.merchantKey,
    salt: merchant.salt,
    environment: 'http://bench.invalid',
    encryptionKey: merchant.encryptionKey,
    retries: 0,
    fetch: async (request) => {
      const url = new URL(request.url);
      captured = {
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers: { 'content-type': request.headers.get('content-type') },
        body: await request.text(),
      };
      throw new Error('captured, not sent');
    },
  });
  return async (call) => {
    captured = undefined;
    await call(checkout).catch(() => undefined);
    if (captured === undefined) throw new Error('the checkout built no request');
    return captured;
  };
}

/**
 * Seamless payments: `next({ txnid, customerId })` resolves with the `POST /_payment` request
 * `payServerToServer` sends for a 1.00 INR payment of `txnid` from the wallet `customerId`.
 */
export function seamlessPaymentFactory(merchant) {
  const capture = capturingCheckout(merchant);
  return ({ txnid, customerId }) =>
    capture((checkout) =>
      checkout.payServerToServer({
        txnid,
        amount: PAYMENT_AMOUNT,
        productinfo: 'Bench order',
        firstname: 'Asha',
        email: 'asha.rao@example.com',
        phone: '9876543210',
        surl: 'https://merchant.example/paid',
        furl: 'https://merchant.example/failed',
        customer_id: customerId,
      }),
    );
}

/** `verify_payment` of one txnid: `next(txnid)` resolves with the request `verifyPayment` sends. */
export function verifyPaymentFactory(merchant) {
  const capture = capturingCheckout(merchant);
  return (txnid) => capture((checkout) => checkout.verifyPayment([txnid]));
}
