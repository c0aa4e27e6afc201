import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BuildRequestOptions, buildRequest, newClientTxnId } from './builders.js';
import { formatDayMonthYear, formatRequestDateTime } from './dates.js';
import { examples } from './examples.js';
import { clientTxnIdSchema, FUND_FLOW_TYPES, RISK_CATEGORIES } from './fields.js';
import { describeIssues } from './issues.js';
import { type ApiName, messageCodeField, type ParamsOf, routes } from './routes.js';
import { validateRequest } from './validate.js';
import { SchemaValidationError } from './validation-error.js';
import { WALLET_STATUS_TYPES } from './wallet-status.js';

const name = fc.stringMatching(/^[A-Za-z.](?:[A-Za-z. ]{0,48}[A-Za-z.])?$/);
const mobile = fc.stringMatching(/^[1-9]\d{9,14}$/);
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9_+-]{1,15}(?:\.[a-z0-9]{1,8})?$/),
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.constantFrom('com', 'in', 'co.in', 'org'),
  )
  .map(([local, host, tld]) => `${local}@${host}.${tld}`);
const pastDate = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date(Date.now() - 2 * 86_400_000),
  noInvalidDate: true,
});
const text = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' });
const amount = fc.integer({ min: 1, max: 999_999_999_999 });
const urn = fc.oneof(fc.stringMatching(/^\d{1,20}$/), fc.nat());
const options = fc.record(
  {
    clientTxnId: fc.stringMatching(/^[A-Za-z0-9_-]{1,100}$/),
    date: fc.date({
      noInvalidDate: true,
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-01-01T00:00:00Z'),
    }),
  },
  { requiredKeys: [] },
);

const registerParams = fc.record(
  {
    customerId: text(50),
    customerDetails: fc.record(
      {
        firstName: name,
        middleName: name,
        lastName: name,
        gender: fc.constantFrom('M', 'F', 'O'),
        dateOfBirth: pastDate.map((d) => formatDayMonthYear(d, '-')),
        mobileNumber: mobile,
        emailAddress: email,
      },
      { requiredKeys: ['firstName', 'dateOfBirth', 'mobileNumber'] },
    ),
    kycProfile: fc.constantFrom(30, 150, 300),
    riskCategory: fc.constantFrom(...RISK_CATEGORIES),
    productId: fc.integer({ min: 1, max: 99_999 }),
    formFactorRequired: fc.boolean(),
  },
  { requiredKeys: ['customerDetails', 'productId'] },
);

const loadParams = fc.record(
  {
    customerMobile: mobile,
    urn,
    transactionAmount: amount,
    sender: text(100),
    loadCurrency: fc.constant('INR'),
    fundFlowType: fc.constantFrom(...FUND_FLOW_TYPES),
    implId: text(100),
    implType: text(100),
    sourceType: fc.constantFrom(0, 1),
    fee: fc.integer({ min: 0, max: 999_999_999_999 }),
  },
  {
    requiredKeys: [
      'customerMobile',
      'transactionAmount',
      'sender',
      'fundFlowType',
      'implId',
      'implType',
    ],
  },
);

const statusParams = fc.record(
  {
    accountNumber: text(30),
    statusType: fc.constantFrom(...WALLET_STATUS_TYPES),
    reason: text(100),
    remarks: text(255),
  },
  { requiredKeys: ['accountNumber', 'statusType'] },
);

/** Builds, then checks the result parses and survives JSON unchanged. */
function roundTrips(request: unknown, api: 'registerCustomer' | 'load' | 'changeWalletStatus') {
  const again = validateRequest(api, JSON.parse(JSON.stringify(request)));
  if (!again.ok) throw new Error(again.summary);
  expect(again.value).toEqual(request);
}

describe('buildRequest', () => {
  it('builds Register Customer requests that parse and survive JSON', () => {
    fc.assert(
      fc.property(registerParams, options, (params, opts) => {
        const request = buildRequest('registerCustomer', params, opts);
        expect(request.messageCode).toBe(3510);
        if (opts.clientTxnId !== undefined) expect(request.clientTxnId).toBe(opts.clientTxnId);
        roundTrips(request, 'registerCustomer');
      }),
    );
  });

  it('builds Load requests that parse and survive JSON, the urn as a string', () => {
    fc.assert(
      fc.property(loadParams, (params) => {
        const request = buildRequest('load', params);
        if (params.urn !== undefined) expect(request.urn).toBe(String(params.urn));
        roundTrips(request, 'load');
      }),
    );
  });

  it('builds Change Wallet Status requests that parse and survive JSON', () => {
    fc.assert(
      fc.property(statusParams, (params) => {
        roundTrips(buildRequest('changeWalletStatus', params), 'changeWalletStatus');
      }),
    );
  });

  it('fills the three common fields and the SDK defaults', () => {
    const request = buildRequest(
      'registerCustomer',
      {
        customerDetails: {
          firstName: 'Alice',
          dateOfBirth: '12-12-2000',
          mobileNumber: '917001122334',
        },
        productId: 35,
      },
      { clientTxnId: 'txn12345', date: new Date('2023-08-10T07:00:15Z') },
    );
    expect(request).toEqual({
      messageCode: 3510,
      clientTxnId: 'txn12345',
      requestDateTime: '20230810123015',
      customerDetails: {
        firstName: 'Alice',
        dateOfBirth: '12-12-2000',
        mobileNumber: '917001122334',
      },
      kycProfile: 30,
      riskCategory: 'Low',
      productId: 35,
      formFactorRequired: false,
    });
  });

  it('throws a coded error naming the first offending field, without the value', () => {
    const build = () =>
      buildRequest('load', {
        urn: '5',
        transactionAmount: 100,
        sender: 'secret-sender-name',
        fundFlowType: 'X' as 'O',
        implId: 'i',
        implType: 't',
      });
    expect(build).toThrow(SchemaValidationError);
    try {
      build();
    } catch (error) {
      const e = error as SchemaValidationError;
      expect(e.code).toBe('SCHEMA_VALIDATION_FAILED');
      expect(e.responseCode).toBe('1020');
      expect(e.message).toBe('Load request: fundFlowType: must be one of O, I, IO, OR, IR, IOR');
    }
  });

  it('refuses an explicit clientTxnId that breaks the rule', () => {
    expect(() =>
      buildRequest('checkStatus', { verifyclientTxnId: 'abc' }, { clientTxnId: 'has space' }),
    ).toThrow('Check Status request: clientTxnId: must be 1 to 100 characters');
  });
});

describe('newClientTxnId', () => {
  it('satisfies the clientTxnId rule and does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newClientTxnId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(clientTxnIdSchema.safeParse(id).success).toBe(true);
  });
});

describe('messages never echo the rejected value', () => {
  it('for any rejected first name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 80 }), (value) => {
        const result = routes.registerCustomer.params.safeParse({
          customerDetails: {
            firstName: value,
            dateOfBirth: '12-12-2000',
            mobileNumber: '917001122334',
          },
          productId: 35,
        });
        if (!result.success) {
          for (const issue of result.error.issues) expect(issue.message).not.toContain(value);
        }
      }),
    );
  });
});

describe('buildRequest checks with one parse what the request schema checks', () => {
  const NOW = new Date('2024-04-09T10:00:00Z');
  const GENERATED = '0123456789abcdef0123456789abcdef';
  const COMMON_FIELDS = new Set(['messageCode', 'clientTxnId', 'requestDateTime']);
  const apiNames = Object.keys(routes) as ApiName[];

  /** An API's example request without the three common fields: valid parameters. */
  function exampleParams(name: ApiName): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(examples[name].request).filter(
        // An enquiry's clientTxnId names the call it asks about: a parameter, not a common field.
        ([key]) =>
          !COMMON_FIELDS.has(key) ||
          (key === 'clientTxnId' && routes[name].clientTxnId === 'enquired'),
      ),
    );
  }

  type Outcome =
    | { readonly sent: unknown }
    | { readonly refused: string | undefined; readonly message: string };

  function outcome(build: () => object): Outcome {
    try {
      return { sent: build() };
    } catch (error) {
      if (!(error instanceof SchemaValidationError)) throw error;
      return { refused: error.issues[0]?.path, message: error.message };
    }
  }

  /** The reference: the parameters parsed, then the whole request parsed by its own schema. */
  function twoParses(name: ApiName, params: unknown, options: BuildRequestOptions): object {
    const route = routes[name];
    const subject = `${route.title} request`;
    const fields = route.params.safeParse(params);
    if (!fields.success) throw new SchemaValidationError(describeIssues(fields.error), subject);
    // A clientTxnId the caller gives is checked as given, even where a parameter (an enquiry's
    // clientTxnId) then takes its place in the request.
    if (options.clientTxnId !== undefined) {
      const given = clientTxnIdSchema.safeParse(options.clientTxnId);
      if (!given.success) {
        const issues = given.error.issues.map((i) => ({ ...i, path: ['clientTxnId', ...i.path] }));
        throw new SchemaValidationError(describeIssues(issues), subject);
      }
    }
    const full = route.request.safeParse({
      ...messageCodeField(route.requestMessageCode),
      clientTxnId: options.clientTxnId ?? GENERATED,
      requestDateTime: options.requestDateTime ?? formatRequestDateTime(options.date ?? NOW),
      ...(fields.data as object),
    });
    if (!full.success) throw new SchemaValidationError(describeIssues(full.error), subject);
    return full.data;
  }

  /** buildRequest, its generated clientTxnId replaced by the reference's. */
  function onceParsed(name: ApiName, params: unknown, options: BuildRequestOptions): object {
    const built = buildRequest(name, params as ParamsOf<typeof name>, { date: NOW, ...options });
    // A generated clientTxnId is random: compare it as GENERATED. An enquiry's is its parameter.
    const generated = options.clientTxnId === undefined && routes[name].clientTxnId === 'own';
    return generated ? { ...built, clientTxnId: GENERATED } : built;
  }

  const jsonValue = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('', '917001122334', '10000000005', 'INR', 'I', 'O', '01/04/2024', 0, -1, 1e21),
  );

  /** Parameters mutated from `base`: a field removed, replaced, added, or one level down. */
  function mutated(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
    const keys = Object.keys(base);
    const anyKey = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 }));
    return fc.oneof(
      fc.constant(base),
      fc.constantFrom(...keys).map((key) => {
        const { [key]: _removed, ...rest } = base;
        return rest;
      }),
      fc.tuple(anyKey, jsonValue).map(([key, value]) => ({ ...base, [key]: value })),
      fc.tuple(fc.constantFrom(...keys), anyKey, jsonValue).map(([key, inner, value]) => {
        const nested = base[key];
        if (typeof nested !== 'object' || nested === null) return { ...base, [key]: value };
        return { ...base, [key]: { ...nested, [inner]: value } };
      }),
    );
  }

  const buildOptions: fc.Arbitrary<BuildRequestOptions> = fc.record(
    {
      clientTxnId: fc.oneof(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,100}$/),
        fc.string({ maxLength: 110 }),
      ),
      requestDateTime: fc.oneof(fc.stringMatching(/^\d{14}$/), fc.string({ maxLength: 16 })),
      date: fc.oneof(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        // Years the 14 digits cannot print.
        fc.constantFrom(new Date('+010000-01-01T00:00:00Z'), new Date('-000001-06-01T00:00:00Z')),
      ),
    },
    { requiredKeys: [] },
  );

  for (const name of apiNames) {
    it(`builds what the request schema accepts, or refuses the same way: ${name}`, () => {
      fc.assert(
        fc.property(mutated(exampleParams(name)), buildOptions, (params, options) => {
          const expected = outcome(() => twoParses(name, params, options));
          expect(outcome(() => onceParsed(name, params, options))).toEqual(expected);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('refuses an invalid Date, naming requestDateTime', () => {
    const params = exampleParams('load') as ParamsOf<'load'>;
    expect(() => buildRequest('load', params, { date: new Date(Number.NaN) })).toThrow(
      /^Load request: requestDateTime: /,
    );
  });

  it('builds the example requests unchanged', () => {
    for (const name of apiNames) {
      const { clientTxnId, requestDateTime } = examples[name].request as {
        clientTxnId: string;
        requestDateTime: string;
      };
      const params = exampleParams(name) as ParamsOf<typeof name>;
      expect(buildRequest(name, params, { clientTxnId, requestDateTime })).toEqual(
        routes[name].request.parse(examples[name].request),
      );
    }
  });
});
