import { formatDayMonthYear, formatRequestDateTime } from '@wallet/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  codeOf,
  loadFields,
  type Registered,
  type RunningSandbox,
  register,
  startSandbox,
  TestClock,
  unloadFields,
} from '../../testing/fixtures.js';
import type { WalletTestClient } from '../../testing/wallet-test-client.js';

const DAY = 86_400;
// The sandbox clock runs 30 days behind the real one, so every date it uses is a real past date.
const clock = new TestClock(Date.now() - 30 * DAY * 1000);
let running: RunningSandbox;
let client: WalletTestClient;

beforeAll(async () => {
  running = await startSandbox({ now: clock.now });
  client = running.client(undefined, clock.now);
});
afterAll(() => running.close());

const day = (offsetDays: number): string =>
  formatDayMonthYear(new Date(clock.now().getTime() + offsetDays * DAY * 1000), '/');

/** A wallet with, on five consecutive days: +1000, +500, -300, (a declined -5000), +200, -100. */
async function walletWithHistory(): Promise<{ customer: Registered; ids: string[] }> {
  const customer = await register(client);
  const ids: string[] = [];
  const steps: [string, Record<string, unknown>][] = [
    ['load', loadFields(customer.urn, 1_000)],
    ['load', loadFields(customer.urn, 500)],
    ['unload', unloadFields(customer.urn, 300)],
    ['unload', unloadFields(customer.urn, 5_000)],
    ['load', loadFields(customer.urn, 200)],
    ['unload', unloadFields(customer.urn, 100)],
  ];
  for (const [api, fields] of steps) {
    const request = client.request(api as 'load' | 'unload', fields);
    await client.call(api as 'load' | 'unload', request);
    ids.push(String(request.clientTxnId));
    clock.advanceSeconds(DAY);
  }
  return { customer, ids };
}

describe('Statement Inquiry', () => {
  it('lists successful entries in time order with balances; declines leave no entry', async () => {
    const start = day(0);
    const { customer, ids } = await walletWithHistory();
    const received = await callApi(client, 'statement', {
      urn: customer.urn,
      fromDate: start,
      toDate: day(0),
    });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({
      responseCode: '00',
      messageCode: 1073,
      responseMessage: 'STATEMENT FETCHED SUCCESSFULLY',
      urn: customer.urn,
      openingBalance: 0,
      closingBalance: 1_300,
      availableBalance: 1_300,
      pageNumber: 1,
      count: 20,
      totalCount: 5,
    });
    const lines = received.body?.statementDetails as Record<string, unknown>[];
    expect(lines.map((l) => [l.transactionType, l.transactionAmount, l.availableBalance])).toEqual([
      ['CREDIT', 1_000, 1_000],
      ['CREDIT', 500, 1_500],
      ['DEBIT', 300, 1_200],
      ['CREDIT', 200, 1_400],
      ['DEBIT', 100, 1_300],
    ]);
    expect(lines.map((l) => l.clientTxnId)).toEqual([ids[0], ids[1], ids[2], ids[4], ids[5]]);
    for (const line of lines) {
      expect(line.status).toBe('SUCCESS');
      expect(line.transactionId).toMatch(/^\d{10}$/);
      expect(line.transactionDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(line.transactionTime).toMatch(/^\d{2}:\d{2}:\d{2}$/);
      expect(line.referenceNumber).toMatch(/^\d+$/);
    }
    expect(lines[0]?.transactionDate).toBe(start);
  });

  it('opens with the balance before the range and closes with the balance after it', async () => {
    const start = day(0);
    const { customer } = await walletWithHistory();
    // Days 1 to 2 of the history: +500 and -300 (the day-3 decline leaves nothing).
    const received = await callApi(client, 'statement', {
      urn: customer.urn,
      fromDate: formatDayMonthYear(addDays(start, 1), '/'),
      toDate: formatDayMonthYear(addDays(start, 3), '/'),
    });
    expect(received.body).toMatchObject({ openingBalance: 1_000, closingBalance: 1_200 });
    expect(received.body?.statementDetails).toHaveLength(2);
  });

  it('pages through the range with pageNumber and count', async () => {
    const start = day(0);
    const { customer } = await walletWithHistory();
    const page = async (pageNumber: number) =>
      (
        await callApi(client, 'statement', {
          urn: customer.urn,
          fromDate: start,
          toDate: day(0),
          pageNumber,
          count: 2,
        })
      ).body ?? {};
    const amounts = async (pageNumber: number) =>
      ((await page(pageNumber)).statementDetails as { transactionAmount: number }[]).map(
        (l) => l.transactionAmount,
      );
    expect(await amounts(1)).toEqual([1_000, 500]);
    expect(await amounts(2)).toEqual([300, 200]);
    expect(await amounts(3)).toEqual([100]);
    expect(await amounts(4)).toEqual([]);
    expect(await page(2)).toMatchObject({ pageNumber: 2, count: 2, totalCount: 5 });
    expect(await page(5_000_000)).toMatchObject({
      pageNumber: 5_000_000,
      closingBalance: 1_300,
      statementDetails: [],
    });
  });

  it('answers 1074 for a range that is reversed, longer than 90 days, or reaches past today', async () => {
    const customer = await register(client);
    const cases = [
      { fromDate: day(0), toDate: day(-1), message: 'toDate: must not be before fromDate' },
      {
        fromDate: day(-91),
        toDate: day(0),
        message: 'toDate: must be at most 90 days after fromDate',
      },
      // Today on the real clock is 30 days ahead of the sandbox's today.
      { fromDate: day(0), toDate: day(1), message: 'toDate: must not be in the future' },
      { fromDate: day(2), toDate: day(3), message: 'fromDate: must not be in the future' },
    ];
    for (const { message, ...range } of cases) {
      const received = await callApi(client, 'statement', { urn: customer.urn, ...range });
      expect(codeOf(received), message).toEqual({ status: 400, code: '1074' });
      expect(received.body?.responseMessage).toBe(message);
    }
    const exactly90 = await callApi(client, 'statement', {
      urn: customer.urn,
      fromDate: day(-90),
      toDate: day(0),
    });
    expect(exactly90.status).toBe(200);
  });

  it('answers 1040 for an unknown URN and 1020 for a malformed date', async () => {
    const unknown = await callApi(client, 'statement', {
      urn: '11111111111',
      fromDate: day(0),
      toDate: day(0),
    });
    expect(codeOf(unknown)).toEqual({ status: 404, code: '1040' });
    const malformed = await callApi(client, 'statement', {
      urn: '11111111111',
      fromDate: '2024-01-01',
      toDate: day(0),
    });
    expect(codeOf(malformed)).toEqual({ status: 400, code: '1020' });
    expect(malformed.body?.responseMessage).toBe('fromDate: must be a real date in DD/MM/YYYY');
  });
});

describe('Check Status', () => {
  it('dumps the stored decrypted response of an earlier call, successes and declines alike', async () => {
    const customer = await register(client);
    const load = client.request('load', loadFields(customer.urn, 700));
    const loaded = await client.call('load', load);
    const decline = client.request('unload', unloadFields(customer.urn, 9_999));
    const declined = await client.call('unload', decline);
    expect(declined.body?.responseCode).toBe('3007');

    for (const [request, received] of [
      [load, loaded],
      [decline, declined],
    ] as const) {
      const status = await callApi(client, 'checkStatus', {
        verifyclientTxnId: request.clientTxnId,
      });
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({
        responseCode: '00',
        messageCode: 2051,
        responseMessage: 'TRANSACTION STATUS FETCHED SUCCESSFULLY',
      });
      expect(status.body?.responseDump).toEqual([received.body]);
    }
  });

  it('answers 29201 when nothing is stored: unknown ids, refused requests, other merchants', async () => {
    const unknown = await callApi(client, 'checkStatus', { verifyclientTxnId: 'never-used' });
    expect(codeOf(unknown)).toEqual({ status: 404, code: '29201' });

    const refused = client.request('load', { urn: '1' });
    expect((await client.call('load', refused)).body?.responseCode).toBe('1020');
    const afterRefusal = await callApi(client, 'checkStatus', {
      verifyclientTxnId: refused.clientTxnId,
    });
    expect(codeOf(afterRefusal)).toEqual({ status: 404, code: '29201' });

    const mine = client.request('retrieveCustomer', { urn: '1' });
    await client.call('retrieveCustomer', mine);
    const other = running.client('merchant-fixed', clock.now);
    const theirs = await callApi(other, 'checkStatus', { verifyclientTxnId: mine.clientTxnId });
    expect(codeOf(theirs)).toEqual({ status: 404, code: '29201' });
  });

  it('limits the search to fromDate..toDate (YYYY-MM-DD) when given', async () => {
    const request = client.request('retrieveCustomer', { urn: '1' });
    await client.call('retrieveCustomer', request);
    const today = formatIsoDate(clock.now());
    const tomorrow = formatIsoDate(new Date(clock.now().getTime() + DAY * 1000));
    const within = await callApi(client, 'checkStatus', {
      verifyclientTxnId: request.clientTxnId,
      fromDate: today,
      toDate: today,
    });
    expect(within.status).toBe(200);
    const after = await callApi(client, 'checkStatus', {
      verifyclientTxnId: request.clientTxnId,
      fromDate: tomorrow,
    });
    expect(codeOf(after)).toEqual({ status: 404, code: '29201' });
  });
});

/** `YYYY-MM-DD` of `date` on the IST wall clock. */
function formatIsoDate(date: Date): string {
  const stamp = formatRequestDateTime(date);
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
}

function addDays(ddmmyyyy: string, days: number): Date {
  const [d, m, y] = ddmmyyyy.split('/').map(Number) as [number, number, number];
  // Noon IST of that day, plus whole days.
  return new Date(Date.UTC(y, m - 1, d, 6, 30) + days * DAY * 1000);
}
