// Real wallet requests for the server benchmark: each one sealed with the merchant's key, signed
// over its own date, with its own clientTxnId (and, for Register Customer, its own mobile number).
import { randomBytes, randomInt } from 'node:crypto';
import { createEnvelope } from '@wallet/crypto';
import { createRequestSigner } from '@wallet/hmac';
import { formatRequestDateTime, newClientTxnId, routes, WALLET_IDENTIFIER } from '@wallet/schemas';

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

/**
 * Builds ready-to-send requests of one API for `merchant`: `next(mobile)` returns
 * `{ method, path, headers, body }` with a fresh clientTxnId, requestDateTime and signed date.
 */
export function requestFactory(merchant, api) {
  const route = routes[api];
  const envelope = createEnvelope({ key: merchant.encryptionKey });
  const signer = createRequestSigner({
    merchantKey: merchant.merchantKey,
    merchantSalt: merchant.salt,
  });
  const fields = fieldsOf[api];
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
