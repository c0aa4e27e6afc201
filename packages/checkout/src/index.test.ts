import { afterEach, describe, expect, it, vi } from 'vitest';
import { digest as nodeDigest } from './digest.node.js';
import { digest as webDigest } from './digest.web.js';
import * as nodeBuild from './index.js';
import * as webBuild from './test-web-build.js';

// The CLI, the sandbox and merchants rely on these names (issue 15): renaming one is a break.
const FIXED_FUNCTIONS = [
  'callbackFields',
  'commandHash',
  'commandHashString',
  'createCheckout',
  'parsePgLoadCallback',
  'paymentHash',
  'paymentHashString',
  'pgLoadChecksum',
  'responseHash',
  'responseHashString',
  'verifyResponseHash',
];
const FIXED_METHODS = [
  'balance',
  'checkPayment',
  'confirmPayment',
  'parseCallback',
  'parsePgLoadCallback',
  'payServerToServer',
  'paymentForm',
  'paymentFormHtml',
  'refund',
  'refundStatus',
  'refunds',
  'verifyPayment',
];

describe('the public API', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('hashes through node:crypto in the Node build and @noble/hashes in the web build', () => {
    const node = vi.spyOn(nodeDigest, 'sha512Hex');
    const web = vi.spyOn(webDigest, 'sha512Hex');
    const params = {
      key: 'k',
      txnid: 't1',
      amount: '1.00',
      productinfo: 'p',
      firstname: 'f',
      email: 'e',
    };
    const hash = nodeBuild.paymentHash(params, 'salt');
    expect([node.mock.calls.length, web.mock.calls.length]).toEqual([1, 0]);
    expect(webBuild.paymentHash(params, 'salt')).toBe(hash);
    expect([node.mock.calls.length, web.mock.calls.length]).toEqual([1, 1]);
  });

  it.each([
    ['node', nodeBuild],
    ['web', webBuild],
  ] as const)('keeps the fixed names in the %s build', (_name, build) => {
    for (const name of FIXED_FUNCTIONS) {
      expect(typeof (build as Record<string, unknown>)[name], name).toBe('function');
    }
    const checkout = build.createCheckout({ key: 'k', salt: 's', environment: 'test' });
    for (const name of FIXED_METHODS) {
      expect(typeof (checkout as unknown as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
