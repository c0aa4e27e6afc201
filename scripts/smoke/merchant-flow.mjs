// The merchant smoke test, the same on every runtime: with @wallet/client from the packed
// tarball, register a customer, load money and retrieve the record from a running sandbox, and
// check each answer. Uses nothing of Node, so merchant.mjs (Node, Bun, Deno) and worker.mjs
// (workerd, no nodejs_compat) run this very code. Returns a one-line summary; throws on a wrong
// answer.
import exerciseModule from './exercise.cjs';

const { assert } = exerciseModule;

/** A mobile number no other run against the same sandbox uses (91 + ten digits). */
function freshMobile() {
  const random = new Uint32Array(1);
  globalThis.crypto.getRandomValues(random);
  return `919${String(random[0] % 1_000_000_000).padStart(9, '0')}`;
}

/** `wallet`: a client from `createWalletClient.fromEnv(...)`; `runtime` names the caller. */
export async function merchantFlow(wallet, runtime) {
  const mobileNumber = freshMobile();
  const registered = await wallet.registerCustomer({
    customerDetails: { firstName: 'Asha', dateOfBirth: '14-02-1991', mobileNumber },
    productId: 35,
  });
  assert.equal(registered.responseMessage, 'CUSTOMER REGISTERED SUCCESSFULLY', 'register');
  assert.match(registered.urn, /^\d{11}$/, 'register answers an 11-digit urn');

  const loaded = await wallet.load({
    urn: registered.urn,
    transactionAmount: 52_500,
    sender: `Smoke test on ${runtime}`,
    fundFlowType: 'I',
    implId: 'smoke',
    implType: 'test',
  });
  assert.equal(loaded.availableBalance, 52_500, 'load credits 525.00 INR');

  const record = await wallet.retrieveCustomer({ customerMobile: mobileNumber });
  assert.equal(record.urn, registered.urn, 'retrieve finds the registered urn');
  assert.equal(record.customerId, registered.customerId, 'retrieve finds the customer id');
  assert.equal(record.availableBalance, 52_500, 'retrieve shows the loaded balance');
  return `registered ${registered.urn}, loaded 525.00 INR, retrieved it by mobile number`;
}
