import { describe, expect, it } from 'vitest';
import * as nodeBuild from './index.js';
import * as webBuild from './index.web.js';

// The CLI, the sandbox and merchants rely on these names (issue 15): renaming one is a break.
const FIXED_FUNCTIONS = [
  'commandHash',
  'createCheckout',
  'parsePgLoadCallback',
  'paymentHash',
  'pgLoadChecksum',
  'responseHash',
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
  it('is the same in the Node and the web build', () => {
    expect(Object.keys(webBuild).sort()).toEqual(Object.keys(nodeBuild).sort());
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
