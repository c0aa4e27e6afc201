// Shared by the test files only; never published. A node:http server that stands in for PayU's
// `postservice` (checkout.md section 5) until the sandbox serves it: it checks the command hash
// with node:crypto, keeps payments and refunds, and answers as the spec says, with every
// `mihpayid` written as a bare 18-digit JSON number (what `JSON.parse` would round).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEnvelope, type EnvelopeIv } from '@wallet/crypto';

export interface StandInPayment {
  readonly txnid: string;
  readonly mihpayid: string;
  status: 'success' | 'failure' | 'pending';
  readonly amount: string;
  readonly fields?: Readonly<Record<string, string>>;
}

interface StandInRefund {
  readonly requestId: string;
  readonly mihpayid: string;
  readonly txnid: string;
  readonly token: string;
  readonly amount: string;
  readonly bankRefNum: string;
  status: 'queued' | 'success' | 'failure';
  readonly responseText: string;
}

/** Something to do to the next requests instead of answering them. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: 'delay'; readonly ms: number }
  /** A 200 response of `bytes` bytes, streamed in two chunks without a Content-Length. */
  | { readonly kind: 'large'; readonly bytes: number };

export interface StandIn {
  readonly url: string;
  /** Every request received: its command and form fields. */
  readonly requests: { readonly command: string; readonly form: URLSearchParams }[];
  readonly refunds: Map<string, StandInRefund>;
  /** Faults applied to the next requests, one each, in order. */
  readonly faults: Fault[];
  close(): Promise<void>;
}

const sha512 = (text: string) => createHash('sha512').update(text, 'utf8').digest('hex');

/** JSON with every `"mihpayid":"<digits>"` written as a bare number, as PayU sometimes does. */
function numericIds(value: unknown): string {
  return JSON.stringify(value).replace(/"mihpayid":"(\d+)"/g, '"mihpayid":$1');
}

function detail(payment: StandInPayment, key: string): Record<string, string> {
  return {
    mihpayid: payment.mihpayid,
    mode: 'CLW',
    status: payment.status,
    unmappedstatus:
      payment.status === 'success'
        ? 'captured'
        : payment.status === 'failure'
          ? 'failed'
          : 'pending',
    key,
    txnid: payment.txnid,
    amount: payment.amount,
    net_amount_debit: payment.amount,
    addedon: '2026-12-04 18:02:11',
    bankcode: 'CLW',
    PG_TYPE: 'CLW-PG',
    bank_ref_num: '726393459450',
    error: payment.status === 'success' ? 'E000' : 'E1605',
    error_Message: payment.status === 'success' ? 'No Error' : 'Insufficient balance',
    ...payment.fields,
  };
}

function cents(amount: string): number {
  const [whole = '0', fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export async function startPostserviceStandIn(options: {
  readonly key: string;
  readonly salt: string;
  readonly payments: readonly StandInPayment[];
  readonly wallets?: Readonly<
    Record<string, { readonly balance: string; readonly cardName: string }>
  >;
  /** The wallet envelope key: with it, `/_payment` answers seamless (`txn_s2s_flow=4`) payments. */
  readonly encryptionKey?: string;
  /** The envelope's IV mode; default `'prefix'`. */
  readonly iv?: EnvelopeIv;
}): Promise<StandIn> {
  const { key, salt } = options;
  const byTxnid = new Map(options.payments.map((p) => [p.txnid, p]));
  const byMihpayid = new Map(options.payments.map((p) => [p.mihpayid, p]));
  const refunds = new Map<string, StandInRefund>();
  const requests: { command: string; form: URLSearchParams }[] = [];
  const faults: Fault[] = [];
  let nextRequestId = 137_000_001;

  function respond(form: URLSearchParams): string {
    const command = form.get('command') ?? '';
    const var1 = form.get('var1') ?? '';
    if (
      form.get('key') !== key ||
      form.get('hash') !== sha512(`${key}|${command}|${var1}|${salt}`)
    ) {
      return JSON.stringify({ status: 0, msg: 'Invalid Hash.' });
    }
    switch (command) {
      case 'verify_payment': {
        const txnids = var1.split('|');
        const details: Record<string, unknown> = {};
        let found = 0;
        for (const txnid of txnids) {
          const payment = byTxnid.get(txnid);
          if (payment === undefined)
            details[txnid] = { mihpayid: 'Not Found', status: 'Not Found' };
          else {
            found += 1;
            details[txnid] = detail(payment, key);
          }
        }
        return numericIds({
          status: found > 0 ? 1 : 0,
          msg: `${found} out of ${txnids.length} Transactions Fetched Successfully`,
          transaction_details: details,
        });
      }
      case 'check_payment': {
        const payment = byMihpayid.get(var1);
        if (payment === undefined)
          return JSON.stringify({
            status: 0,
            msg: 'Transaction Not Found',
            transaction_details: { [var1]: { mihpayid: 'Not Found', status: 'Not Found' } },
          });
        return numericIds({
          status: 1,
          msg: 'Transaction Fetched Successfully',
          transaction_details: { [var1]: detail(payment, key) },
        });
      }
      case 'cancel_refund_transaction': {
        const token = form.get('var2') ?? '';
        const amount = form.get('var3') ?? '';
        const payment = byMihpayid.get(var1);
        if (payment === undefined)
          return JSON.stringify({ status: 0, msg: 'Transaction not found', error_code: 116 });
        const previous = [...refunds.values()].find(
          (r) => r.mihpayid === var1 && r.token === token,
        );
        if (previous !== undefined) {
          if (previous.amount === amount) return previous.responseText;
          return JSON.stringify({
            status: 0,
            msg: 'Token already used for another amount',
            error_code: 106,
          });
        }
        if (payment.status !== 'success')
          return JSON.stringify({
            status: 0,
            msg: 'Transaction is not successful',
            error_code: 111,
          });
        const refunded = [...refunds.values()]
          .filter((r) => r.mihpayid === var1 && r.status !== 'failure')
          .reduce((sum, r) => sum + cents(r.amount), 0);
        if (
          !/^\d+(\.\d{1,2})?$/.test(amount) ||
          cents(amount) <= 0 ||
          refunded + cents(amount) > cents(payment.amount)
        ) {
          return JSON.stringify({ status: 0, msg: 'Invalid amount', error_code: 105 });
        }
        const requestId = String(nextRequestId++);
        const bankRefNum = `RF${requestId}`;
        const text = numericIds({
          status: 1,
          msg: 'Refund Request Queued',
          request_id: requestId,
          bank_ref_num: bankRefNum,
          mihpayid: payment.mihpayid,
        });
        refunds.set(requestId, {
          requestId,
          mihpayid: var1,
          txnid: payment.txnid,
          token,
          amount,
          bankRefNum,
          status: 'queued',
          responseText: text,
        });
        return text;
      }
      case 'check_action_status': {
        const refund = refunds.get(var1);
        if (refund === undefined)
          return JSON.stringify({ status: 0, msg: 'No action status found' });
        const entry = {
          mihpayid: refund.mihpayid,
          action: 'refund',
          status: refund.status,
          amt: refund.amount,
          token: refund.token,
          bank_ref_num: refund.bankRefNum,
        };
        return numericIds({
          status: 1,
          msg: '1 out of 1 Transactions Fetched Successfully',
          transaction_details: { [var1]: { [var1]: entry } },
        });
      }
      case 'getAllRefundsFromTxnIds': {
        const details: Record<string, unknown> = {};
        for (const txnid of var1.split('|')) {
          details[txnid] = [...refunds.values()]
            .filter((r) => r.txnid === txnid)
            .map((r) => ({
              request_id: r.requestId,
              mihpayid: r.mihpayid,
              action: 'refund',
              status: r.status,
              amt: r.amount,
              token: r.token,
              bank_ref_num: r.bankRefNum,
            }));
        }
        return numericIds({
          status: 1,
          msg: 'Refund Details Fetched Successfully',
          transaction_details: details,
        });
      }
      case 'check_balance': {
        let query: { mobile?: string; walletIdentifier?: string } = {};
        try {
          query = JSON.parse(var1);
        } catch {
          return JSON.stringify({ status: 0, msg: 'Invalid var1' });
        }
        const wallet = options.wallets?.[query.mobile ?? ''];
        if (query.walletIdentifier !== 'CLW' || wallet === undefined)
          return JSON.stringify({ status: 0, msg: 'Source not found.' });
        return JSON.stringify({
          status: 1,
          cardBalance: wallet.balance,
          cardName: wallet.cardName,
        });
      }
      default:
        return JSON.stringify({ status: 0, msg: 'Invalid command' });
    }
  }

  /** A seamless payment: `encdata` opened, its payment hash checked, the §4 response as JSON. */
  function seamless(form: URLSearchParams): string {
    if (options.encryptionKey === undefined || form.get('txn_s2s_flow') !== '4') {
      return JSON.stringify({
        status: 'failure',
        error: 'E400',
        error_Message: 'Unsupported flow',
      });
    }
    const fields = new URLSearchParams(
      createEnvelope({ key: options.encryptionKey, iv: options.iv ?? 'prefix' }).openText(
        form.get('encdata'),
      ),
    );
    const f = (name: string) => fields.get(name) ?? '';
    const udfs = [1, 2, 3, 4, 5].map((n) => f(`udf${n}`));
    const expected = sha512(
      `${key}|${f('txnid')}|${f('amount')}|${f('productinfo')}|${f('firstname')}|${f('email')}|${udfs.join('|')}||||||${salt}`,
    );
    if (
      form.get('key') !== key ||
      f('key') !== key ||
      f('hash') !== expected ||
      f('pg') !== 'CLW'
    ) {
      return JSON.stringify({ status: 'failure', error: 'E308', error_Message: 'Invalid hash' });
    }
    const status = f('productinfo') === 'force-failure' ? 'failure' : 'success';
    const mihpayid = String(403993715521940000n + BigInt(requests.length));
    byTxnid.set(f('txnid'), { txnid: f('txnid'), mihpayid, status, amount: f('amount') });
    const reversed = [...udfs].reverse().join('|');
    const hash = sha512(
      `${salt}|${status}||||||${reversed}|${f('email')}|${f('firstname')}|${f('productinfo')}|${f('amount')}|${f('txnid')}|${key}`,
    );
    return numericIds({
      mihpayid,
      mode: 'CLW',
      status,
      unmappedstatus: status === 'success' ? 'captured' : 'failed',
      key,
      txnid: f('txnid'),
      amount: f('amount'),
      productinfo: f('productinfo'),
      firstname: f('firstname'),
      email: f('email'),
      phone: f('phone'),
      udf1: udfs[0],
      udf2: udfs[1],
      udf3: udfs[2],
      udf4: udfs[3],
      udf5: udfs[4],
      bankcode: f('bankcode'),
      PG_TYPE: 'CLW-PG',
      error: status === 'success' ? 'E000' : 'E1605',
      error_Message: status === 'success' ? 'No Error' : 'Insufficient balance',
      hash,
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const fault = faults.shift();
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    requests.push({ command: form.get('command') ?? '', form });
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'text/html' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      response.writeHead(fault.status, headers).end('<h1>unavailable</h1>');
      return;
    }
    if (fault?.kind === 'large') {
      const half = Math.ceil(fault.bytes / 2);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write(' '.repeat(half));
      response.end(' '.repeat(fault.bytes - half));
      return;
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (request.method === 'POST' && url.pathname === '/_payment') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(seamless(form));
      return;
    }
    const isForm = (request.headers['content-type'] ?? '').startsWith(
      'application/x-www-form-urlencoded',
    );
    if (
      request.method !== 'POST' ||
      url.pathname !== '/merchant/postservice.php' ||
      url.searchParams.get('form') !== '2' ||
      !isForm
    ) {
      response.writeHead(404).end();
      return;
    }
    if (response.destroyed) return;
    response.writeHead(200, { 'content-type': 'application/json' }).end(respond(form));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    refunds,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
