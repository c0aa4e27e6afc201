import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { examples } from './examples.js';
import { describeIssues, fieldIssues, formatPath, issueLine } from './issues.js';
import { routes } from './routes.js';

describe('formatPath', () => {
  it('dots names and brackets indices', () => {
    expect(formatPath(['customerDetails', 'dateOfBirth'])).toBe('customerDetails.dateOfBirth');
    expect(formatPath(['statementDetails', 2, 'status'])).toBe('statementDetails[2].status');
    expect(formatPath([])).toBe('');
  });
});

describe('describeIssues', () => {
  const request = examples.registerCustomer.request;

  it('reports every offending field in order and summarises the first', () => {
    const error = routes.registerCustomer.request.safeParse({
      ...request,
      clientTxnId: 'bad id',
      customerDetails: { ...request.customerDetails, mobileNumber: '12345', extra: 1 },
      productId: 1.5,
    }).error;
    if (error === undefined) throw new Error('expected a failure');
    const report = describeIssues(error);
    expect(report.issues.map(issueLine)).toEqual([
      'clientTxnId: must be 1 to 100 characters of A-Z, a-z, 0-9, - and _',
      'customerDetails.mobileNumber: must be 10 to 15 digits starting with the country calling code',
      'customerDetails.extra: is not an allowed field',
      'productId: must be an integer of 1 to 5 digits (1 to 99999)',
    ]);
    expect(report.summary).toBe(
      'clientTxnId: must be 1 to 100 characters of A-Z, a-z, 0-9, - and _',
    );
    expect(report.responseCode).toBe('1020');
  });

  it('answers 1010 for a message code of another API, whatever else is wrong', () => {
    const error = routes.registerCustomer.request.safeParse({
      ...request,
      messageCode: 1930,
      productId: 0,
    }).error;
    if (error === undefined) throw new Error('expected a failure');
    const report = describeIssues(error);
    expect(report.summary).toBe('messageCode: must be 3510 for this API');
    expect(report.responseCode).toBe('1010');
  });

  it('names the body itself when it is not an object', () => {
    for (const body of [null, 'text', 42, [1]]) {
      const error = routes.load.request.safeParse(body).error;
      if (error === undefined) throw new Error('expected a failure');
      expect(describeIssues(error).summary).toBe('request body: must be a JSON object');
    }
  });

  it('splits several unknown keys into one issue each', () => {
    const issues = fieldIssues(
      routes.checkStatus.params.safeParse({ verifyclientTxnId: 'a', x: 1, y: 2 }).error ?? [],
    );
    expect(issues.map((i) => i.path)).toEqual(['x', 'y']);
  });

  it('works on any zod error', () => {
    const error = z.object({ a: z.string() }).safeParse({ a: 1 }).error;
    if (error === undefined) throw new Error('expected a failure');
    expect(describeIssues(error).issues[0]?.path).toBe('a');
    expect(describeIssues([]).summary).toBe('request body: is invalid');
  });
});
