/**
 * Fuzzing the demo server's HTTP surface: valid requests of every API, and the same with their
 * decrypted JSON, sealed token, headers, method, path or raw bytes mutated, sent over real sockets
 * (and malformed HTTP on a raw socket). No response may be a 5xx, every response on a wallet API route
 * is JSON, and the server must never report an unhandled rejection or an uncaught exception
 * (a preload prints them on stderr), nor die.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { MerchantConfig } from '@wallet/sandbox';
import {
  type ClientCredentials,
  credentialsOf,
  registerFields,
  uniqueMobile,
  WalletTestClient,
  type WalletTestResponse,
} from '@wallet/sandbox/testing';
import { type ApiName, apiNames, newClientTxnId, routes } from '@wallet/schemas';
import { examples } from '@wallet/schemas/openapi';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoProcess,
  PROOF_MERCHANTS,
  type ProofDir,
  proofDir,
  startDemoProcess,
} from './demo-process.js';
import { sized } from './size.js';

const RUNS = sized({ ci: 1500, full: 50_000 });

/**
 * Extra merchants: more than 50 unreadable tokens in a minute under one signature (one merchant,
 * one second) lock that signature's unreadable tokens (then they answer 429), so spreading them
 * keeps most requests reaching the deeper checks.
 */
const FUZZ_MERCHANTS: MerchantConfig[] = Array.from({ length: 10 }, (_, i) => ({
  merchantKey: `fuzz-${i}`,
  salt: randomBytes(16).toString('hex'),
  encryptionKey: randomBytes(24).toString('hex'),
}));

function credentials(config: MerchantConfig): ClientCredentials {
  if (PROOF_MERCHANTS.includes(config)) return credentialsOf(config.merchantKey);
  return {
    merchantKey: config.merchantKey,
    salt: config.salt,
    encryptionKey: config.encryptionKey,
    ivMode: 'prefix',
    iv: null,
  };
}

const ALL_MERCHANTS = [...PROOF_MERCHANTS, ...FUZZ_MERCHANTS];

let dir: ProofDir;
let server: DemoProcess;
let clients: WalletTestClient[];
/** Registered customers' identifiers, per merchant index, to make requests that reach the store. */
const customers = new Map<number, { urn: string; mobile: string; accountNumber: string }>();

beforeAll(async () => {
  dir = proofDir('demo-fuzz', ALL_MERCHANTS);
  server = await startDemoProcess(dir, join(dir.path, 'wallet.db'));
  clients = ALL_MERCHANTS.map(
    (config) => new WalletTestClient({ target: server.url, merchant: credentials(config) }),
  );
  for (const [index, client] of clients.entries()) {
    const mobile = uniqueMobile();
    const fields = registerFields({}, { mobileNumber: mobile });
    const response = await client.call(
      'registerCustomer',
      client.request('registerCustomer', fields),
    );
    expect(response.status, response.text).toBe(200);
    const formFactor = response.body?.formFactor as { accountNumber: string } | undefined;
    customers.set(index, {
      urn: String(response.body?.urn),
      mobile,
      accountNumber: String(formFactor?.accountNumber),
    });
  }
}, 60_000);

afterAll(async () => {
  await server?.stop();
  dir?.remove();
});

// --- what a fuzz case is -----------------------------------------------------------------------

const printable = fc
  .array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 80 })
  .map((codes) => String.fromCharCode(...codes));
const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,20}$/);

/** A JSON value a client could put anywhere in a request. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER,
    -1,
    0,
    1e308,
    '',
    ' ',
    '0'.repeat(200),
    '\u0000',
    '𝒲',
    [],
    {},
    null,
  ),
);

type JsonEdit =
  | { kind: 'set'; key: string; value: unknown }
  | { kind: 'delete'; key: string }
  | { kind: 'nest'; key: string; depth: number };

const jsonEdit = (keys: readonly string[]): fc.Arbitrary<JsonEdit> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('set' as const),
      key: fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 })),
      value: anyJson,
    }),
    fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...keys) }),
    fc.record({
      kind: fc.constant('nest' as const),
      key: fc.constantFrom(...keys),
      depth: fc.integer({ min: 1, max: 200 }),
    }),
  );

function applyEdit(request: Record<string, unknown>, edit: JsonEdit): Record<string, unknown> {
  const copy = { ...request };
  if (edit.kind === 'delete') delete copy[edit.key];
  else if (edit.kind === 'set') copy[edit.key] = edit.value;
  else {
    let value: unknown = copy[edit.key] ?? 1;
    for (let i = 0; i < edit.depth; i++) value = [value];
    copy[edit.key] = value;
  }
  return copy;
}

type TokenEdit =
  | { kind: 'flip'; at: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'append'; text: string }
  | { kind: 'replace'; token: unknown }
  | { kind: 'wrap'; extra: Record<string, unknown> };

const tokenEdit: fc.Arbitrary<TokenEdit> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), text: printable }),
  fc.record({
    kind: fc.constant('replace' as const),
    token: fc.oneof(anyJson, fc.base64String({ maxLength: 200 })),
  }),
  fc.record({
    kind: fc.constant('wrap' as const),
    extra: fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 }),
  }),
);

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

function editToken(token: string, edit: TokenEdit): string {
  switch (edit.kind) {
    case 'flip': {
      const at = edit.at % Math.max(token.length, 1);
      const swapped = BASE64[(BASE64.indexOf(token[at] ?? 'A') + 1) % BASE64.length];
      return JSON.stringify({ token: `${token.slice(0, at)}${swapped}${token.slice(at + 1)}` });
    }
    case 'truncate':
      return JSON.stringify({ token: token.slice(0, edit.keep % Math.max(token.length, 1)) });
    case 'append':
      return JSON.stringify({ token: `${token}${edit.text}` });
    case 'replace':
      return JSON.stringify({ token: edit.token });
    case 'wrap':
      return JSON.stringify({ ...edit.extra, token });
  }
}

type HeaderEdit =
  | { kind: 'drop'; name: string }
  | { kind: 'set'; name: string; value: string }
  | { kind: 'date'; date: Date }
  | { kind: 'other-salt' };

const headerEdit: fc.Arbitrary<HeaderEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('drop' as const),
    name: fc.constantFrom('authorization', 'date', 'walletidentifier', 'content-type'),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    name: fc.oneof(
      fc.constantFrom(
        'authorization',
        'date',
        'walletidentifier',
        'content-type',
        'digest',
        'x-sandbox-fault',
      ),
      headerName,
    ),
    value: printable,
  }),
  fc.record({
    kind: fc.constant('date' as const),
    date: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
  }),
  fc.record({ kind: fc.constant('other-salt' as const) }),
);

type Case =
  | { kind: 'valid'; merchant: number; api: ApiName; own: boolean }
  | { kind: 'json'; merchant: number; api: ApiName; edits: JsonEdit[] }
  | { kind: 'token'; merchant: number; api: ApiName; edit: TokenEdit }
  | { kind: 'header'; merchant: number; api: ApiName; edit: HeaderEdit }
  | { kind: 'route'; merchant: number; method: string; path: string }
  | { kind: 'bytes'; merchant: number; api: ApiName; bytes: Uint8Array };

const merchantIndex = fc.nat({ max: ALL_MERCHANTS.length - 1 });
const api = fc.constantFrom(...apiNames);
const EXAMPLE_KEYS = [
  ...new Set(apiNames.flatMap((name) => Object.keys(examples[name].request))),
] as string[];

const fuzzCase: fc.Arbitrary<Case> = fc.oneof(
  fc.record({
    kind: fc.constant('valid' as const),
    merchant: merchantIndex,
    api,
    own: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('json' as const),
    merchant: merchantIndex,
    api,
    edits: fc.array(jsonEdit(EXAMPLE_KEYS), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('token' as const), merchant: merchantIndex, api, edit: tokenEdit }),
  fc.record({
    kind: fc.constant('header' as const),
    merchant: merchantIndex,
    api,
    edit: headerEdit,
  }),
  fc.record({
    kind: fc.constant('route' as const),
    merchant: merchantIndex,
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
    path: fc.oneof(
      fc.constantFrom(...apiNames.map((name) => routes[name].path), '/healthz', '/', '/x'),
      fc.webPath(),
    ),
  }),
  fc.record({
    kind: fc.constant('bytes' as const),
    merchant: merchantIndex,
    api,
    bytes: fc.uint8Array({ maxLength: 2000 }),
  }),
);

// --- sending one --------------------------------------------------------------------------------

/** The API's example request with a fresh clientTxnId; with `own`, pointed at a real customer. */
function baseRequest(merchant: number, name: ApiName, own: boolean): Record<string, unknown> {
  const request: Record<string, unknown> = {
    ...(examples[name].request as Record<string, unknown>),
    clientTxnId: newClientTxnId(),
  };
  const customer = customers.get(merchant);
  if (own && customer !== undefined) {
    for (const key of ['urn', 'customerMobile', 'accountNumber'] as const) {
      if (key in request) {
        request[key] = key === 'customerMobile' ? customer.mobile : customer[key];
      }
    }
  }
  return request;
}

function clientOf(merchant: number): WalletTestClient {
  const client = clients[merchant];
  if (client === undefined) throw new Error('no client');
  return client;
}

async function send(c: Case): Promise<{ response: WalletTestResponse; method: string }> {
  const client = clientOf(c.merchant);
  switch (c.kind) {
    case 'valid':
      return {
        response: await client.call(c.api, baseRequest(c.merchant, c.api, c.own)),
        method: routes[c.api].methods[0],
      };
    case 'json': {
      const request = c.edits.reduce(applyEdit, baseRequest(c.merchant, c.api, true));
      // Sealed as text: seal() refuses what open() would (a "__proto__" key, a "constructor"
      // holding a prototype), and fast-check draws such keys. The server must judge them too.
      const rawBody = JSON.stringify({ token: client.envelope.sealText(JSON.stringify(request)) });
      return {
        response: await client.call(c.api, request, { rawBody }),
        method: routes[c.api].methods[0],
      };
    }
    case 'token': {
      const token = client.envelope.seal(baseRequest(c.merchant, c.api, true));
      const rawBody = editToken(token, c.edit);
      const request = baseRequest(c.merchant, c.api, true);
      return {
        response: await client.call(c.api, request, { rawBody }),
        method: routes[c.api].methods[0],
      };
    }
    case 'header': {
      const request = baseRequest(c.merchant, c.api, true);
      const method = routes[c.api].methods[0];
      const edit = c.edit;
      if (edit.kind === 'other-salt') {
        const other = clientOf((c.merchant + 1) % clients.length);
        const forger = new WalletTestClient({
          target: server.url,
          merchant: { ...client.merchant, salt: other.merchant.salt },
        });
        return { response: await forger.call(c.api, request), method };
      }
      if (edit.kind === 'date') {
        return { response: await client.call(c.api, request, { date: edit.date }), method };
      }
      const headers = { [edit.name]: edit.kind === 'drop' ? undefined : edit.value };
      return { response: await client.call(c.api, request, { headers }), method };
    }
    case 'route': {
      if (c.method === 'GET' || c.method === 'HEAD') {
        const headers = { walletidentifier: 'CLW' };
        return {
          response: await client.raw(c.path, { method: c.method, headers }),
          method: c.method,
        };
      }
      return { response: await client.send(c.path, c.method, '{"token":"x"}'), method: c.method };
    }
    case 'bytes': {
      const method = routes[c.api].methods[0];
      return {
        response: await client.send(routes[c.api].path, method, c.bytes),
        method,
      };
    }
  }
}

/** Writes `bytes` on a fresh connection; resolves with the response's status line, if any. */
function rawExchange(bytes: Uint8Array): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const done = (): void => {
      socket.destroy();
      resolve(received.split('\r\n')[0] ?? '');
    };
    socket.setTimeout(2000, done);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.end(bytes);
  });
}

const HTTP_STARTS = [
  'POST / HTTP/1.1\r\n',
  `PATCH ${routes.load.path} HTTP/1.1\r\nHost: x\r\n`,
  'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: ',
  '',
];

describe('fuzzing the HTTP surface', () => {
  it(
    `${RUNS} random and mutated requests: never a 5xx, always JSON, no fault in the server`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fuzzCase, async (c) => {
          const { response } = await send(c);
          const shown = `${c.kind}: ${response.status} ${response.text.slice(0, 300)}`;
          expect(response.status, shown).toBeLessThan(500);
          // Wallet API routes answer JSON; other paths may be the dashboard's HTML pages.
          if (c.kind !== 'route') expect(response.json, shown).toBeDefined();
        }),
        { numRuns: RUNS },
      );
      expect(server.faults()).toEqual([]);
      expect(server.alive()).toBe(true);
    },
    sized({ ci: 120_000, full: 900_000 }),
  );

  it(
    'malformed HTTP on a raw socket: a 4xx or a closed connection, and the server lives on',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...HTTP_STARTS),
          fc.uint8Array({ maxLength: 600 }),
          async (start, tail) => {
            const status = await rawExchange(
              Buffer.concat([Buffer.from(start, 'latin1'), Buffer.from(tail)]),
            );
            const code = Number(/^HTTP\/1\.1 (\d{3})/.exec(status)?.[1] ?? 0);
            expect(code, status).toBeLessThan(500);
          },
        ),
        { numRuns: sized({ ci: 60, full: 2000 }) },
      );
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(server.faults()).toEqual([]);
      expect(server.alive()).toBe(true);
    },
    sized({ ci: 120_000, full: 900_000 }),
  );
});
