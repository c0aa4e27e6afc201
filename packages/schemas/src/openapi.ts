/**
 * The machine-readable descriptions of the PayU-facing API, generated from the zod schemas with
 * zod's own JSON Schema output (`z.toJSONSchema`): one JSON Schema per API body, and an OpenAPI
 * 3.1 document in which each encrypted `token` names the decrypted body it carries through the
 * `x-wallet-decrypted` extension. With them, the example request and response of every API the
 * document shows.
 *
 * This is the `@wallet/schemas/openapi` entry: it imports the rest of the package by its name, kept
 * external, so the documents describe the very schemas an application validates with, and the
 * runtime entry (`@wallet/schemas`) carries no document builder.
 */
import {
  type AnyRoute,
  type ApiName,
  baseUrls,
  errorCatalogue,
  failureResponseSchema,
  helperRoutes,
  plainErrorBodySchema,
  plaintextObjectSchema,
  resultEnvelopeSchema,
  routeList,
  tokenEnvelopeSchema,
  WALLET_IDENTIFIER,
} from '@wallet/schemas';
import * as z from 'zod';
import { examples } from './examples.js';

export type { ApiExample, ApiExamples } from './examples.js';
export { examples };

/** A JSON Schema (draft 2020-12) document or fragment. */
export type JsonSchema = { readonly [key: string]: unknown };

/** The extension on a `token`/`result` field naming the decrypted body it carries. */
export const DECRYPTED_EXTENSION = 'x-wallet-decrypted';

/** The JSON Schema of a zod schema as it appears on the wire (`io: 'input'`), without `$schema`. */
export function wireJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return rest;
}

/** `registerCustomer` → `RegisterCustomer`. */
function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** ` (3510 → 3511)` for an API with message codes, `` for one without. */
function messageCodesNote(route: AnyRoute): string {
  return route.requestMessageCode === undefined
    ? ''
    : ` (${route.requestMessageCode} → ${route.responseMessageCode})`;
}

/** The JSON Schemas of one API: the decrypted request, the decrypted success response, the params. */
export interface ApiJsonSchemas {
  readonly request: JsonSchema;
  readonly response: JsonSchema;
  readonly params: JsonSchema;
}

/** One JSON Schema document per API body, each with its `$schema` and `$id`-free title. */
export function buildJsonSchemas(): Readonly<Record<ApiName, ApiJsonSchemas>> {
  const out = {} as Record<ApiName, ApiJsonSchemas>;
  const withHeader = (title: string, description: string, schema: z.ZodType): JsonSchema => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    description,
    ...wireJsonSchema(schema),
  });
  for (const route of routeList) {
    const title = `${route.title}${messageCodesNote(route)}`;
    out[route.name] = {
      request: withHeader(
        `${pascal(route.name)}Request`,
        `${title}: the decrypted request.`,
        route.request,
      ),
      response: withHeader(
        `${pascal(route.name)}Response`,
        `${title}: the decrypted success response.`,
        route.response,
      ),
      params: withHeader(
        `${pascal(route.name)}Params`,
        route.clientTxnId === 'enquired'
          ? `${route.title}: the clientTxnId of the call asked about.`
          : `${route.title}: the request without messageCode, clientTxnId and requestDateTime.`,
        route.params,
      ),
    };
  }
  return out;
}

/** The subset of an OpenAPI 3.1 document this package produces. */
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly { readonly url: string; readonly description: string }[];
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly parameters: Readonly<Record<string, unknown>>;
    readonly responses: Readonly<Record<string, unknown>>;
    readonly securitySchemes: Readonly<Record<string, unknown>>;
  };
}

export interface OpenApiOptions {
  /** The document's `info.version`; the package version is a good choice. */
  readonly version?: string;
  /** Servers to list first (a local sandbox, say), before the PayU environments. */
  readonly servers?: readonly { readonly url: string; readonly description: string }[];
}

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });

function tokenEnvelope(decrypted: string, description: string): JsonSchema {
  return {
    type: 'object',
    description,
    properties: {
      token: {
        type: 'string',
        contentEncoding: 'base64',
        description: `AES-192-CBC ciphertext (PKCS#7, IV prefixed or fixed) of the UTF-8 JSON of ${decrypted}.`,
        [DECRYPTED_EXTENSION]: ref(decrypted),
      },
    },
    required: ['token'],
    additionalProperties: false,
  };
}

function answerEnvelope(decrypted: string, description: string): JsonSchema {
  const field = (name: 'result' | 'token'): JsonSchema => ({
    type: 'object',
    properties: {
      [name]: {
        type: 'string',
        contentEncoding: 'base64',
        description: `AES-192-CBC ciphertext of the UTF-8 JSON of ${decrypted}.`,
        [DECRYPTED_EXTENSION]: ref(decrypted),
      },
    },
    required: [name],
  });
  return { description, oneOf: [field('result'), field('token')] };
}

function codesOf(outcomes: readonly string[]): string {
  return Object.values(errorCatalogue)
    .filter((e) => outcomes.includes(e.outcome))
    .map((e) => `${e.code} ${e.message}`)
    .join('; ');
}

function operation(route: AnyRoute, method: string): Record<string, unknown> {
  const name = pascal(route.name);
  const isDefault = route.methods[0] === method;
  return {
    operationId: isDefault ? route.name : `${route.name}${pascal(method.toLowerCase())}`,
    summary: route.title,
    description:
      `${route.title}. ` +
      (route.requestMessageCode === undefined
        ? 'No messageCode in the decrypted request or response'
        : `Decrypted request messageCode ${route.requestMessageCode}, response ` +
          `${route.responseMessageCode}`) +
      `, success responseMessage "${route.successMessage}". ` +
      `Codes besides the outcome model: ${route.codes.join(', ')}.` +
      (isDefault ? '' : ` Also accepted with ${route.methods[0]}.`),
    tags: ['wallet'],
    security: [{ walletHmac: [] }],
    parameters: [
      { $ref: '#/components/parameters/walletIdentifier' },
      { $ref: '#/components/parameters/date' },
      { $ref: '#/components/parameters/digest' },
    ],
    ...(route.requestMessageCode === undefined
      ? {}
      : {
          'x-wallet-message-codes': {
            request: route.requestMessageCode,
            response: route.responseMessageCode,
          },
        }),
    requestBody: {
      required: true,
      content: { 'application/json': { schema: ref(`${name}RequestEnvelope`) } },
    },
    responses: {
      '200': {
        description: `Success: responseCode "00", responseMessage "${route.successMessage}".`,
        content: { 'application/json': { schema: ref(`${name}ResponseEnvelope`) } },
      },
      '400': { $ref: '#/components/responses/BadRequest' },
      '401': { $ref: '#/components/responses/Unauthorized' },
      '404': { $ref: '#/components/responses/NotFound' },
      '409': { $ref: '#/components/responses/Conflict' },
      '422': { $ref: '#/components/responses/Unprocessable' },
      '500': { $ref: '#/components/responses/ServerError' },
    },
  };
}

function encryptedFailure(description: string): Record<string, unknown> {
  return {
    description,
    content: { 'application/json': { schema: ref('FailureResponseEnvelope') } },
  };
}

function helperOperation(name: 'encrypt' | 'decrypt'): Record<string, unknown> {
  const route = helperRoutes[name];
  const headerParams = [
    ...route.requiredHeaders
      .filter((h) => h.name !== 'x-api-key')
      .map((h) => ({
        name: h.name,
        in: 'header',
        required: true,
        description: `Missing: ${h.missingCode ?? 'HTTP 401'}.`,
        schema: { type: 'string' },
      })),
    ...route.optionalHeaders.map((h) => ({
      name: h.name,
      in: 'header',
      required: false,
      schema: { type: 'string', default: h.default },
    })),
  ];
  return {
    operationId: `helper${pascal(name)}`,
    summary: `Wibmo helper: ${route.title}`,
    tags: ['helper'],
    servers: [{ url: baseUrls.wibmoHelperSandbox, description: 'Wibmo helper (sandbox)' }],
    security: [{ helperApiKey: [] }],
    parameters: headerParams,
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: name === 'encrypt' ? ref('PlaintextObject') : ref('TokenEnvelope'),
        },
      },
    },
    responses: {
      '200': {
        description: name === 'encrypt' ? 'The token.' : 'The plaintext JSON.',
        content: {
          'application/json': {
            schema: name === 'encrypt' ? ref('TokenEnvelope') : ref('PlaintextObject'),
          },
        },
      },
      '400': {
        description: `A missing or wrong header: ${codesOf(['helper'])}.`,
        content: { 'application/json': { schema: ref('PlainErrorBody') } },
      },
      '401': {
        description: 'A missing or wrong x-api-key.',
        content: { 'application/json': { schema: ref('PlainErrorBody') } },
      },
    },
  };
}

/** The OpenAPI 3.1 document of the PayU-facing wallet API and the Wibmo helper API. */
export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {
    TokenEnvelope: wireJsonSchema(tokenEnvelopeSchema),
    ResultEnvelope: wireJsonSchema(resultEnvelopeSchema),
    PlainErrorBody: wireJsonSchema(plainErrorBodySchema),
    FailureResponse: wireJsonSchema(failureResponseSchema),
    FailureResponseEnvelope: answerEnvelope(
      'FailureResponse',
      'An encrypted failure response (1010, 1020, 1030, 1040, 1050, ...).',
    ),
    PlaintextObject: wireJsonSchema(plaintextObjectSchema),
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    const name = pascal(route.name);
    const example = examples[route.name];
    schemas[`${name}Request`] = { ...wireJsonSchema(route.request), examples: [example.request] };
    schemas[`${name}Response`] = {
      ...wireJsonSchema(route.response),
      examples: [example.response],
    };
    schemas[`${name}RequestEnvelope`] = tokenEnvelope(
      `${name}Request`,
      `${route.title} request on the wire.`,
    );
    schemas[`${name}ResponseEnvelope`] = answerEnvelope(
      `${name}Response`,
      `${route.title} success response on the wire (field "result" on PayU, "token" on Wibmo).`,
    );
    const item: Record<string, unknown> = {};
    for (const method of route.methods) item[method.toLowerCase()] = operation(route, method);
    paths[route.path] = item;
  }
  paths[helperRoutes.encrypt.path] = { post: helperOperation('encrypt') };
  paths[helperRoutes.decrypt.path] = { post: helperOperation('decrypt') };

  return {
    openapi: '3.1.0',
    info: {
      title: 'PayU Closed-Loop Wallet API',
      version: options.version ?? '0.0.0',
      description:
        'JSON requests, AES-192-CBC encrypted into {"token": ...} and signed with an HMAC-SHA512 ' +
        'Authorization header over the date header. Each envelope field names the decrypted body ' +
        `it carries in the "${DECRYPTED_EXTENSION}" extension.`,
    },
    servers: [
      ...(options.servers ?? []),
      { url: baseUrls.payuTest, description: 'PayU test' },
      { url: baseUrls.payuProduction, description: 'PayU production' },
    ],
    paths,
    components: {
      schemas,
      parameters: {
        walletIdentifier: {
          name: 'walletIdentifier',
          in: 'header',
          required: true,
          description: `The program type. Wrong or missing: 1058 (plain JSON, HTTP 400).`,
          schema: { type: 'string', const: WALLET_IDENTIFIER },
        },
        date: {
          name: 'date',
          in: 'header',
          required: true,
          description: 'The current time in GMT, RFC 1123 form; the signed header.',
          schema: { type: 'string', example: 'Thu, 17 Feb 2022 08:17:59 GMT' },
        },
        digest: {
          name: 'digest',
          in: 'header',
          required: false,
          description: 'Only with the "date digest" profile: SHA-256= + base64(SHA-256(body)).',
          schema: { type: 'string', pattern: '^SHA-256=' },
        },
      },
      responses: {
        BadRequest: {
          description:
            `Plain JSON for ${codesOf(['envelope', 'wallet-identifier'])}; ` +
            `encrypted for ${codesOf(['message-code', 'validation'])}.`,
          content: {
            'application/json': {
              schema: { oneOf: [ref('FailureResponseEnvelope'), ref('PlainErrorBody')] },
            },
          },
        },
        Unauthorized: {
          description: 'Authentication failed (plain JSON; the message names the class).',
          content: { 'application/json': { schema: ref('PlainErrorBody') } },
        },
        NotFound: encryptedFailure(`Not found: ${codesOf(['not-found'])}.`),
        Conflict: encryptedFailure(`Conflict: ${codesOf(['duplicate', 'conflict'])}.`),
        Unprocessable: encryptedFailure(
          `Limit or wallet state: ${codesOf(['limit', 'wallet-state'])}.`,
        ),
        ServerError: {
          description: `Server fault: ${codesOf(['server'])} (plain JSON, no internals).`,
          content: { 'application/json': { schema: ref('PlainErrorBody') } },
        },
      },
      securitySchemes: {
        walletHmac: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description:
            'hmac username="<merchant key>", algorithm="sha512", headers="date", ' +
            'signature="<hex HMAC-SHA512 of \'date: <date>\' keyed with the merchant salt>"',
        },
        helperApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
    },
  };
}
