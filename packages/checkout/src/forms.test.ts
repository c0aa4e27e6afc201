import { createEnvelope, generateKey, WalletKeyError } from '@wallet/crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckoutConfigError, CheckoutFieldError } from './errors.js';
import type { PaymentParams } from './forms.js';
import { builds } from './test-helpers.js';

const KEY = generateKey();
const CONFIG = { key: 'sbxKey01', salt: 'Qm9yZWRTYWx0MDE', environment: 'test' } as const;
const COMMON = {
  txnid: 'order_20261204_0001',
  amount: '525.00',
  productinfo: 'Monthly pass',
  firstname: 'Asha',
  email: 'asha@example.com',
  phone: '9812345678',
  surl: 'https://shop.example/pay/success',
  furl: 'https://shop.example/pay/failure',
} as const;
// The shared vector "payment request, no udf".
const VECTOR_HASH =
  '4a95b88c89315d374e6a322cd9473792c1db0ea65318ecfc48e468dde5793244a6b6ada741d19c7dd85046f8ba02d43e21f89555cce3b7bc275ae1740491872d';

function fieldError(run: () => unknown): CheckoutFieldError {
  try {
    run();
  } catch (error) {
    if (error instanceof CheckoutFieldError) return error;
    throw error;
  }
  throw new Error('expected a CheckoutFieldError');
}

describe.each(builds)('paymentForm through $name', ({ build }) => {
  const checkout = build.createCheckout(CONFIG);

  it('builds the hosted form: common fields, no pg, the hash of the vector last', () => {
    const form = checkout.paymentForm(COMMON);
    expect(form.action).toBe('https://test.payu.in/_payment');
    expect(form.method).toBe('POST');
    expect(Object.keys(form.fields)).toEqual([
      'key',
      'txnid',
      'amount',
      'productinfo',
      'firstname',
      'email',
      'phone',
      'surl',
      'furl',
      'hash',
    ]);
    expect(form.fields.hash).toBe(VECTOR_HASH);
  });

  it('builds the merchant-hosted form with pg=CLW, the bank code and the wallet', () => {
    const form = checkout.paymentForm({ ...COMMON, mode: 'merchant-hosted', walleturn: '5000123' });
    expect(form.fields).toMatchObject({ pg: 'CLW', bankcode: 'CLW', walleturn: '5000123' });
    expect(form.fields.hash).toBe(VECTOR_HASH);
    const byCustomer = build
      .createCheckout({ ...CONFIG, bankcode: 'CLWSHOP7' })
      .paymentForm({ ...COMMON, mode: 'merchant-hosted', customer_id: 'cust-42' });
    expect(byCustomer.fields).toMatchObject({ bankcode: 'CLWSHOP7', customer_id: 'cust-42' });
    expect(byCustomer.fields.walleturn).toBeUndefined();
  });

  it('builds the load-and-pay form with loadmoney, as written', () => {
    const form = checkout.paymentForm({
      ...COMMON,
      mode: 'load-and-pay',
      walleturn: '5000123',
      loadmoney: '100.5',
    });
    expect(form.fields.loadmoney).toBe('100.5');
    expect(Object.keys(form.fields).at(-1)).toBe('hash');
  });

  it('posts and hashes the UDFs and the charges', () => {
    const form = checkout.paymentForm({ ...COMMON, udf1: 'store-7', additional_charges: 'CC:12' });
    expect(form.fields.udf1).toBe('store-7');
    expect(form.fields.hash).toBe(
      build.paymentHash(
        { ...COMMON, key: CONFIG.key, udf1: 'store-7', additional_charges: 'CC:12' },
        CONFIG.salt,
      ),
    );
  });

  it.each([
    ['phone', { ...COMMON, phone: '98123' }],
    ['surl', { ...COMMON, surl: '/relative' }],
    ['furl', { ...COMMON, furl: 'ftp://shop.example/x' }],
    ['email', { ...COMMON, email: '' }],
    ['amount', { ...COMMON, amount: '525.5.0' }],
    ['udf6', { ...COMMON, udf6: 'x' }],
    ['walleturn', { ...COMMON, walleturn: '5000123' }],
    ['walleturn', { ...COMMON, mode: 'merchant-hosted' }],
    ['walleturn', { ...COMMON, mode: 'merchant-hosted', walleturn: '1', customer_id: '2' }],
    ['loadmoney', { ...COMMON, mode: 'load-and-pay', walleturn: '1', loadmoney: '-5' }],
    ['mode', { ...COMMON, mode: 'seamless' }],
  ])('refuses a bad %s', (field, params) => {
    expect(fieldError(() => checkout.paymentForm(params as PaymentParams)).field).toBe(field);
  });
});

describe.each(builds)('paymentFormHtml through $name', ({ build }) => {
  const checkout = build.createCheckout({ ...CONFIG, environment: 'http://127.0.0.1:4010/' });

  it('posts every field, HTML-escaped, at once, with a noscript button', () => {
    const hostile = `"><script>alert('x')</script>&amp;`;
    const html = checkout.paymentFormHtml({ ...COMMON, productinfo: hostile, udf2: '<b>' });
    expect(html).toContain('action="http://127.0.0.1:4010/_payment" method="post"');
    expect(html).not.toContain("<script>alert('x')");
    expect(html).toContain(
      'name="productinfo" value="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;"',
    );
    expect(html).toContain('name="udf2" value="&lt;b&gt;"');
    expect(html).toMatch(
      /<noscript><button type="submit">Continue to payment<\/button><\/noscript>/,
    );
    expect(html).toContain("<script>document.getElementById('payment').submit();</script>");
    const form = checkout.paymentForm({ ...COMMON, productinfo: hostile, udf2: '<b>' });
    expect(html.match(/<input /g)).toHaveLength(Object.keys(form.fields).length);
    expect(html).toContain(`name="hash" value="${form.fields.hash}"`);
  });

  it('carries a CSP nonce on its script', () => {
    expect(checkout.paymentFormHtml(COMMON, { nonce: 'r4nd"om' })).toContain(
      '<script nonce="r4nd&quot;om">',
    );
  });
});

describe.each(builds)('createCheckout settings through $name', ({ build }) => {
  function configError(config: unknown): CheckoutConfigError {
    try {
      build.createCheckout(config as never);
    } catch (error) {
      if (error instanceof CheckoutConfigError) return error;
      throw error;
    }
    throw new Error('expected a CheckoutConfigError');
  }

  it('resolves the environments to PayU hosts or one base URL', () => {
    expect(build.createCheckout({ ...CONFIG, environment: 'production' }).endpoints).toEqual({
      payment: 'https://secure.payu.in/_payment',
      postservice: 'https://info.payu.in/merchant/postservice.php?form=2',
    });
    const sandbox = new URL('http://127.0.0.1:4010/base/');
    expect(build.createCheckout({ ...CONFIG, environment: sandbox }).endpoints).toEqual({
      payment: 'http://127.0.0.1:4010/base/_payment',
      postservice: 'http://127.0.0.1:4010/base/merchant/postservice.php?form=2',
    });
  });

  it.each([
    ['salt', { ...CONFIG, salt: 'sec|ret' }],
    ['salt', { key: CONFIG.key, environment: 'test' }],
    ['environment', { ...CONFIG, environment: 'https://user:pw@payu.example' }],
    ['environment', { ...CONFIG, environment: 'staging' }],
    ['key', { ...CONFIG, key: 'k'.repeat(51) }],
    ['bankcode', { ...CONFIG, bankcode: 'CL W' }],
    ['ivMode', { ...CONFIG, ivMode: 'random' }],
    ['retries', { ...CONFIG, retries: 11 }],
    ['sallt', { ...CONFIG, sallt: 'x' }],
  ])('names %s and never its value', (setting, config) => {
    const error = configError(config);
    expect(error.setting).toBe(setting);
    expect(error.code).toBe('CHECKOUT_CONFIG_INVALID');
    expect(error.message).not.toMatch(/sec\|ret|user:pw/);
  });

  // The rule comes from the crypto error's `expected`, not from its message.
  it.each([
    ['encryptionKey', { encryptionKey: 'abc' }, { key: 'abc' }],
    ['ivMode', { encryptionKey: KEY, ivMode: { fixed: 'zz' } }, { key: KEY, iv: { fixed: 'zz' } }],
  ] as const)('says what a bad %s must be, as @wallet/crypto says it', (setting, bad, envelope) => {
    const error = configError({ ...CONFIG, ...bad });
    const cause = (() => {
      try {
        createEnvelope(envelope);
      } catch (thrown) {
        if (thrown instanceof WalletKeyError) return thrown;
      }
      throw new Error('expected a WalletKeyError');
    })();
    expect(error.setting).toBe(setting);
    expect(error.rule).toBe(cause.expected);
    expect(error.message).toBe(`Invalid checkout setting ${setting}: ${cause.expected}.`);
  });
});

describe.each(builds)('paymentFormHtml properties through $name', ({ build }) => {
  const checkout = build.createCheckout(CONFIG);
  const decode = (html: string) =>
    html
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');

  it('escapes every value so the page holds exactly the form fields, nothing else', () => {
    const text = fc.string({ maxLength: 60 }).filter((s) => !s.includes('|'));
    fc.assert(
      fc.property(text, text, (productinfo, udf1) => {
        const params = { ...COMMON, productinfo: productinfo || 'x', udf1 };
        const html = checkout.paymentFormHtml(params);
        const inputs = [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)];
        const fields = checkout.paymentForm(params).fields;
        expect(inputs.map(([, name = '', value = '']) => [decode(name), decode(value)])).toEqual(
          Object.entries(fields),
        );
        expect(html.match(/<script/g)).toHaveLength(1);
      }),
    );
  });
});
