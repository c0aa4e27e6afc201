/** Test-only: calls the sandbox's payment gateway over real sockets, hashing with @wallet/checkout. */
import { commandHash, paymentHash } from '@wallet/checkout';
import type { WalletTestClient } from './wallet-test-client.js';

let sequence = 0;

/** A txnid no other test uses. */
export function newTxnid(): string {
  sequence += 1;
  return `T${Date.now().toString(36)}${process.pid.toString(36)}${sequence}`.slice(0, 25);
}

/** The merchant-hosted fields of a payment from `urn`, hash included. */
export function paymentFields(
  client: WalletTestClient,
  urn: string,
  amount: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const fields: Record<string, string> = {
    key: client.merchant.merchantKey,
    txnid: newTxnid(),
    amount,
    productinfo: 'Coffee beans',
    firstname: 'Asha',
    lastname: 'Rao',
    email: 'asha.rao@example.com',
    phone: '919988776655',
    surl: 'https://merchant.example/success',
    furl: 'https://merchant.example/failure',
    udf1: 'order-1',
    pg: 'CLW',
    bankcode: 'CLW',
    walleturn: urn,
    ...extra,
  };
  fields.hash = paymentHash(
    {
      key: fields.key ?? '',
      txnid: fields.txnid ?? '',
      amount: fields.amount ?? '',
      productinfo: fields.productinfo ?? '',
      firstname: fields.firstname ?? '',
      email: fields.email ?? '',
      udf1: fields.udf1 ?? '',
    },
    client.merchant.salt,
  );
  return { ...fields, ...(extra.hash === undefined ? {} : { hash: extra.hash }) };
}

export interface GatewayTestResponse {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

async function postForm(url: string, body: string): Promise<GatewayTestResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** A seamless payment: the fields sealed into `encdata` with the merchant's envelope. */
export function paySeamless(
  base: string,
  client: WalletTestClient,
  fields: Record<string, string>,
): Promise<GatewayTestResponse> {
  const encdata = client.envelope.sealText(new URLSearchParams(fields).toString());
  const body = new URLSearchParams({
    key: client.merchant.merchantKey,
    txn_s2s_flow: '4',
    encdata,
  });
  return postForm(`${base}/_payment`, body.toString());
}

/** A postservice command, hashed with the merchant's salt. */
export function postservice(
  base: string,
  client: WalletTestClient,
  command: string,
  vars: readonly string[],
  hash?: string,
): Promise<GatewayTestResponse> {
  const key = client.merchant.merchantKey;
  const var1 = vars[0] ?? '';
  const body = new URLSearchParams({ key, command });
  vars.forEach((value, i) => {
    body.set(`var${i + 1}`, value);
  });
  body.set('hash', hash ?? commandHash({ key, command, var1 }, client.merchant.salt));
  return postForm(`${base}/merchant/postservice.php?form=2`, body.toString());
}
