import { describe, expect, it } from 'vitest';
import { maskGatewayFields } from './mask.js';

describe('maskGatewayFields', () => {
  it("hides names, phones, e-mail addresses and check_balance's mobile, at any depth", () => {
    expect(
      maskGatewayFields({
        firstname: 'Asha',
        lastname: 'Rao',
        phone: '919988776655',
        email: 'asha.rao@example.com',
        txnid: 'T1',
        var1: '{"walletIdentifier":"CLW","mobile":"919988776655","ibibo_code":"CLW"}',
        transaction_details: { T1: { firstname: 'Asha', amount: '10.00' } },
      }),
    ).toEqual({
      firstname: 'A***',
      lastname: 'R***',
      phone: '********6655',
      email: 'a***@example.com',
      txnid: 'T1',
      var1: '{"walletIdentifier":"CLW","mobile":"********6655","ibibo_code":"CLW"}',
      transaction_details: { T1: { firstname: 'A***', amount: '10.00' } },
    });
  });

  it('leaves a txnid list in var1 alone', () => {
    expect(maskGatewayFields({ var1: '1234567890123|T2' })).toEqual({ var1: '1234567890123|T2' });
  });
});
