import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newExchangeDraft, type SandboxExchange } from '../exchange.js';
import { headerFields } from '../http/header-fields.js';
import type { JsonObject } from '../store/json.js';
import { type JournalEntry, journalEntry } from './entry.js';
import { parseJournalQuery } from './filter.js';
import { RequestJournal } from './journal.js';

function exchange(overrides: Partial<SandboxExchange> = {}): SandboxExchange {
  const request = new Request('http://sandbox.test/loyalty-points/v1/wallet/load-account', {
    method: 'PATCH',
    headers: {
      authorization: 'hmac username="m", algorithm="sha512", headers="date", signature="abc123"',
    },
  });
  return {
    ...newExchangeDraft('id', request, headerFields(request, undefined), new Date(0)),
    status: 200,
    api: 'load',
    ...overrides,
  };
}

describe('RequestJournal', () => {
  it('keeps the newest N entries and drops the oldest', () => {
    const journal = new RequestJournal({ size: 3 });
    for (let i = 1; i <= 5; i += 1) journal.record(exchange({ id: `r${i}` }));
    expect(journal.list().map((e) => e.id)).toEqual(['r5', 'r4', 'r3']);
    expect(journal.count).toBe(3);
    expect(journal.get('r1')).toBeUndefined();
    expect(journal.get('r4')?.seq).toBe(4);
    expect(journal.get('4')?.id).toBe('r4');
  });

  it('keeps min(n, size) newest entries in order for any n and size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 60 }), (size, n) => {
        const journal = new RequestJournal({ size });
        for (let i = 1; i <= n; i += 1) journal.record(exchange({ id: `r${i}` }));
        const seqs = journal.list().map((e) => e.seq);
        const expected = Array.from({ length: Math.min(n, size) }, (_, i) => n - i);
        expect(seqs).toEqual(expected);
      }),
    );
  });

  it('also drops the oldest when the kept bodies exceed the memory bound', () => {
    const journal = new RequestJournal({ size: 1000, maxChars: 5000, maxBodyChars: 100_000 });
    const big = { note: 'x'.repeat(1500) };
    for (let i = 0; i < 10; i += 1) journal.record(exchange({ request: big }));
    expect(journal.count).toBeLessThanOrEqual(3);
    expect(journal.count).toBeGreaterThan(0);
  });

  it('replaces a body larger than the per-entry bound with a marker', () => {
    const journal = new RequestJournal({ maxBodyChars: 100 });
    journal.record(exchange({ request: { note: 'y'.repeat(500) } }));
    expect(journal.list()[0]?.request).toEqual({ truncated: true, chars: expect.any(Number) });
  });

  it('masks personal data and the signature before keeping an entry', () => {
    const journal = new RequestJournal();
    journal.record(
      exchange({ request: { customerMobile: '919988776655' }, response: { firstName: 'Asha' } }),
    );
    const [entry] = journal.list();
    expect(entry?.request).toEqual({ customerMobile: '********6655' });
    expect(entry?.response).toEqual({ firstName: 'A***' });
    expect(entry?.requestHeaders.authorization).toBe(
      'hmac username="m", algorithm="sha512", headers="date", signature="[masked]"',
    );
  });

  it('reads back each entry masked and bounded exactly as it was when recorded', () => {
    const key = fc.constantFrom(
      'firstName',
      'lastName',
      'customerMobile',
      'mobile',
      'emailAddress',
      'email',
      'note',
      '__proto__',
    );
    const body = fc.dictionary(key, fc.jsonValue({ maxDepth: 2 })) as fc.Arbitrary<JsonObject>;
    fc.assert(
      fc.property(
        body,
        body,
        fc.integer({ min: 1, max: 400 }),
        (request, response, maxBodyChars) => {
          const journal = new RequestJournal({ maxBodyChars });
          const recorded = exchange({ request, response });
          journal.record(recorded);
          const expected = journalEntry(1, recorded, maxBodyChars);
          expect(JSON.stringify(journal.list()[0])).toBe(JSON.stringify(expected));
          expect(JSON.stringify(journal.get('1'))).toBe(JSON.stringify(expected));
        },
      ),
    );
  });

  it('filters by API, status or status class, clientTxnId and merchant', () => {
    const journal = new RequestJournal();
    journal.record(exchange({ api: 'load', status: 200, clientTxnId: 'a', merchantKey: 'm1' }));
    journal.record(exchange({ api: 'unload', status: 422, clientTxnId: 'b', merchantKey: 'm1' }));
    journal.record(exchange({ api: 'load', status: 401, clientTxnId: 'c', merchantKey: 'm2' }));
    const ids = (filter: Parameters<RequestJournal['list']>[0]) =>
      journal.list(filter).map((e) => e.clientTxnId);
    expect(ids({ api: 'load' })).toEqual(['c', 'a']);
    expect(ids({ status: '4xx' })).toEqual(['c', 'b']);
    expect(ids({ status: '422' })).toEqual(['b']);
    expect(ids({ clientTxnId: 'a' })).toEqual(['a']);
    expect(ids({ merchantKey: 'm2' })).toEqual(['c']);
    expect(journal.list({}, 2)).toHaveLength(2);
  });

  it('hands new matching entries to subscribers until they unsubscribe, and ends them on close', () => {
    const journal = new RequestJournal();
    const seen: JournalEntry[] = [];
    let closed = 0;
    const stop = journal.subscribe(
      { api: 'load' },
      { onEntry: (e) => seen.push(e), onClose: () => (closed += 1) },
    );
    journal.record(exchange({ api: 'load' }));
    journal.record(exchange({ api: 'unload' }));
    expect(seen.map((e) => e.api)).toEqual(['load']);
    journal.close();
    expect(closed).toBe(1);
    stop();
    journal.record(exchange({ api: 'load' }));
    expect(seen).toHaveLength(1);
  });

  it('lists the entries after a sequence number for stream resumption', () => {
    const journal = new RequestJournal();
    for (let i = 0; i < 4; i += 1) journal.record(exchange());
    expect(journal.since(2).map((e) => e.seq)).toEqual([3, 4]);
  });
});

describe('parseJournalQuery', () => {
  it('reads filters and a limit', () => {
    const parsed = parseJournalQuery(
      new URLSearchParams('api=load&status=5xx&limit=5&clientTxnId='),
    );
    expect(parsed).toEqual({
      ok: true,
      filter: expect.objectContaining({ api: 'load', status: '5xx' }),
      limit: 5,
    });
  });

  it('names the parameter that is wrong', () => {
    expect(parseJournalQuery(new URLSearchParams('status=abc'))).toMatchObject({
      ok: false,
      problem: { field: 'status' },
    });
    expect(parseJournalQuery(new URLSearchParams('limit=0'))).toMatchObject({
      ok: false,
      problem: { field: 'limit' },
    });
    expect(parseJournalQuery(new URLSearchParams('colour=red'))).toMatchObject({
      ok: false,
      problem: { field: 'colour', message: 'is not a journal filter' },
    });
  });
});
