/**
 * The route table: every wallet API with its path, methods, message codes (when it has them),
 * schemas and success message. The client, the sandbox and the CLI are driven by it and never restate any of these.
 */
import type * as z from 'zod';
import {
  changeWalletStatusParamsSchema,
  changeWalletStatusRequestSchema,
  changeWalletStatusResponseSchema,
} from './apis/change-wallet-status.js';
import {
  checkStatusParamsSchema,
  checkStatusRequestSchema,
  checkStatusResponseSchema,
} from './apis/check-status.js';
import { loadParamsSchema, loadRequestSchema, loadResponseSchema } from './apis/load.js';
import { pgLoadParamsSchema, pgLoadRequestSchema, pgLoadResponseSchema } from './apis/pg-load.js';
import {
  pgLoadEnquiryParamsSchema,
  pgLoadEnquiryRequestSchema,
  pgLoadEnquiryResponseSchema,
} from './apis/pg-load-enquiry.js';
import {
  registerCustomerParamsSchema,
  registerCustomerRequestSchema,
  registerCustomerResponseSchema,
} from './apis/register-customer.js';
import {
  retrieveCustomerParamsSchema,
  retrieveCustomerRequestSchema,
  retrieveCustomerResponseSchema,
} from './apis/retrieve-customer.js';
import {
  statementParamsSchema,
  statementRequestSchema,
  statementResponseSchema,
} from './apis/statement.js';
import { unloadParamsSchema, unloadRequestSchema, unloadResponseSchema } from './apis/unload.js';
import {
  updateProfileParamsSchema,
  updateProfileRequestSchema,
  updateProfileResponseSchema,
} from './apis/update-profile.js';

export type HttpMethod = 'POST' | 'PATCH';

/** One wallet API. */
export interface Route<
  Name extends string = string,
  Request extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
  Params extends z.ZodType = z.ZodType,
> {
  /** The key of the route table. */
  readonly name: Name;
  /** The API's documented title. */
  readonly title: string;
  /** The path on the base URL. */
  readonly path: string;
  /** Accepted methods; the first is the one the client sends. */
  readonly methods: readonly [HttpMethod, ...HttpMethod[]];
  /**
   * The `messageCode` its requests carry; `undefined` for an API without one (PG Load and PG Load
   * Enquiry: PayU documents none, and their requests and responses carry none).
   */
  readonly requestMessageCode: number | undefined;
  /** Always `requestMessageCode + 1`; `undefined` with it. */
  readonly responseMessageCode: number | undefined;
  /**
   * What the request's `clientTxnId` names. `own`: this call, unique per merchant across all APIs
   * and the key of idempotent retries. `enquired`: an earlier PG Load this call asks about (PG
   * Load Enquiry): the call changes nothing, is answered from the state at the time asked and is
   * never stored, so its `clientTxnId` is a parameter the caller gives.
   */
  readonly clientTxnId: 'own' | 'enquired';
  /**
   * The full decrypted request, with `clientTxnId`, `requestDateTime` and, when the API has one,
   * `messageCode`.
   */
  readonly request: Request;
  /** The decrypted success response. */
  readonly response: Response;
  /**
   * The request without its common fields (`messageCode`, `clientTxnId`, `requestDateTime`): what
   * a client method takes. An `enquired` API's params hold the `clientTxnId` asked about.
   */
  readonly params: Params;
  /** The `responseMessage` of a success. */
  readonly successMessage: string;
  /** Platform codes this API answers besides those of the outcome model. */
  readonly codes: readonly string[];
}

export interface Routes {
  readonly registerCustomer: Route<
    'registerCustomer',
    typeof registerCustomerRequestSchema,
    typeof registerCustomerResponseSchema,
    typeof registerCustomerParamsSchema
  >;
  readonly retrieveCustomer: Route<
    'retrieveCustomer',
    typeof retrieveCustomerRequestSchema,
    typeof retrieveCustomerResponseSchema,
    typeof retrieveCustomerParamsSchema
  >;
  readonly updateProfile: Route<
    'updateProfile',
    typeof updateProfileRequestSchema,
    typeof updateProfileResponseSchema,
    typeof updateProfileParamsSchema
  >;
  readonly load: Route<
    'load',
    typeof loadRequestSchema,
    typeof loadResponseSchema,
    typeof loadParamsSchema
  >;
  readonly unload: Route<
    'unload',
    typeof unloadRequestSchema,
    typeof unloadResponseSchema,
    typeof unloadParamsSchema
  >;
  readonly statement: Route<
    'statement',
    typeof statementRequestSchema,
    typeof statementResponseSchema,
    typeof statementParamsSchema
  >;
  readonly checkStatus: Route<
    'checkStatus',
    typeof checkStatusRequestSchema,
    typeof checkStatusResponseSchema,
    typeof checkStatusParamsSchema
  >;
  readonly changeWalletStatus: Route<
    'changeWalletStatus',
    typeof changeWalletStatusRequestSchema,
    typeof changeWalletStatusResponseSchema,
    typeof changeWalletStatusParamsSchema
  >;
  readonly pgLoad: Route<
    'pgLoad',
    typeof pgLoadRequestSchema,
    typeof pgLoadResponseSchema,
    typeof pgLoadParamsSchema
  >;
  readonly pgLoadEnquiry: Route<
    'pgLoadEnquiry',
    typeof pgLoadEnquiryRequestSchema,
    typeof pgLoadEnquiryResponseSchema,
    typeof pgLoadEnquiryParamsSchema
  >;
}

/** The name of a wallet API: a key of the route table. */
export type ApiName = keyof Routes;

/** Any route of the table. */
export type AnyRoute = Routes[ApiName];

/** The full decrypted request of API `N`, as parsed (`urn` always a string). */
export type RequestOf<N extends ApiName> = z.output<Routes[N]['request']>;
/** The full decrypted request of API `N`, as a caller may write it (`urn` a string or a number). */
export type RequestInputOf<N extends ApiName> = z.input<Routes[N]['request']>;
/** The decrypted success response of API `N`, as parsed. */
export type ResponseOf<N extends ApiName> = z.output<Routes[N]['response']>;
/** What a client method of API `N` takes (SDK defaults may be left out). */
export type ParamsOf<N extends ApiName> = z.input<Routes[N]['params']>;

const BASE = '/loyalty-points/v1/wallet';
const PG_LOAD_BASE = '/loyalty-points/ppi/payment/pg-load';

const table: Routes = {
  registerCustomer: {
    name: 'registerCustomer',
    title: 'Register Customer',
    path: `${BASE}/enroll`,
    methods: ['POST'],
    requestMessageCode: 3510,
    responseMessageCode: 3511,
    clientTxnId: 'own',
    request: registerCustomerRequestSchema,
    response: registerCustomerResponseSchema,
    params: registerCustomerParamsSchema,
    successMessage: 'CUSTOMER REGISTERED SUCCESSFULLY',
    codes: ['1030'],
  },
  retrieveCustomer: {
    name: 'retrieveCustomer',
    title: 'Retrieve Customer Record',
    path: `${BASE}/retrieveCustRecord`,
    methods: ['POST'],
    requestMessageCode: 1930,
    responseMessageCode: 1931,
    clientTxnId: 'own',
    request: retrieveCustomerRequestSchema,
    response: retrieveCustomerResponseSchema,
    params: retrieveCustomerParamsSchema,
    successMessage: 'CUSTOMER RECORD RETRIEVED SUCCESSFULLY',
    codes: ['1040'],
  },
  updateProfile: {
    name: 'updateProfile',
    title: 'Update Profile',
    path: `${BASE}/onboarding/v3/updateProfile`,
    methods: ['POST', 'PATCH'],
    requestMessageCode: 1280,
    responseMessageCode: 1281,
    clientTxnId: 'own',
    request: updateProfileRequestSchema,
    response: updateProfileResponseSchema,
    params: updateProfileParamsSchema,
    successMessage: 'PROFILE UPDATED SUCCESSFULLY',
    codes: ['1040', '1030'],
  },
  load: {
    name: 'load',
    title: 'Load',
    path: `${BASE}/load-account`,
    methods: ['PATCH'],
    requestMessageCode: 1080,
    responseMessageCode: 1081,
    clientTxnId: 'own',
    request: loadRequestSchema,
    response: loadResponseSchema,
    params: loadParamsSchema,
    successMessage: 'LOAD SUCCESSFUL',
    codes: [
      '1040',
      '1322',
      '10153',
      '1050',
      '1135',
      '1246',
      '1118',
      '1121',
      '6014',
      '6000',
      '6002',
    ],
  },
  unload: {
    name: 'unload',
    title: 'Unload',
    path: `${BASE}/debit-account`,
    methods: ['PATCH'],
    requestMessageCode: 1480,
    responseMessageCode: 1481,
    clientTxnId: 'own',
    request: unloadRequestSchema,
    response: unloadResponseSchema,
    params: unloadParamsSchema,
    successMessage: 'UNLOAD SUCCESSFUL',
    codes: ['1040', '1322', '3007', '1117', '1121', '6014', '6000', '6002'],
  },
  statement: {
    name: 'statement',
    title: 'Statement Inquiry',
    path: `${BASE}/statement-inquiry`,
    methods: ['POST'],
    requestMessageCode: 1072,
    responseMessageCode: 1073,
    clientTxnId: 'own',
    request: statementRequestSchema,
    response: statementResponseSchema,
    params: statementParamsSchema,
    successMessage: 'STATEMENT FETCHED SUCCESSFULLY',
    codes: ['1040', '1074'],
  },
  checkStatus: {
    name: 'checkStatus',
    title: 'Check Status',
    path: `${BASE}/check-status`,
    methods: ['POST'],
    requestMessageCode: 2050,
    responseMessageCode: 2051,
    clientTxnId: 'own',
    request: checkStatusRequestSchema,
    response: checkStatusResponseSchema,
    params: checkStatusParamsSchema,
    successMessage: 'TRANSACTION STATUS FETCHED SUCCESSFULLY',
    codes: ['29201'],
  },
  changeWalletStatus: {
    name: 'changeWalletStatus',
    title: 'Change Wallet Status',
    path: `${BASE}/onboarding/walletStatus`,
    methods: ['PATCH', 'POST'],
    requestMessageCode: 3530,
    responseMessageCode: 3531,
    clientTxnId: 'own',
    request: changeWalletStatusRequestSchema,
    response: changeWalletStatusResponseSchema,
    params: changeWalletStatusParamsSchema,
    successMessage: 'WALLET STATUS UPDATED SUCCESSFULLY',
    codes: ['1040', '3532', '3533'],
  },
  pgLoad: {
    name: 'pgLoad',
    title: 'PG Load',
    path: `${PG_LOAD_BASE}/v1`,
    methods: ['POST'],
    requestMessageCode: undefined,
    responseMessageCode: undefined,
    clientTxnId: 'own',
    request: pgLoadRequestSchema,
    response: pgLoadResponseSchema,
    params: pgLoadParamsSchema,
    successMessage: 'PG LOAD INITIATED SUCCESSFULLY',
    codes: ['1040', '1322', '10153', '1118', '1121', '6014', '6000', '6002'],
  },
  pgLoadEnquiry: {
    name: 'pgLoadEnquiry',
    title: 'PG Load Enquiry',
    path: `${PG_LOAD_BASE}/enquiry/v1`,
    methods: ['POST'],
    requestMessageCode: undefined,
    responseMessageCode: undefined,
    clientTxnId: 'enquired',
    request: pgLoadEnquiryRequestSchema,
    response: pgLoadEnquiryResponseSchema,
    params: pgLoadEnquiryParamsSchema,
    successMessage: 'PG LOAD STATUS FETCHED SUCCESSFULLY',
    codes: ['1054'],
  },
};

/** The route table, keyed by API name. */
export const routes: Routes = Object.freeze(table);

/** Every route, in the order of the table. */
export const routeList: readonly AnyRoute[] = Object.freeze(Object.values(routes) as AnyRoute[]);

/** The API names, in the order of the table. */
export const apiNames: readonly ApiName[] = Object.freeze(routeList.map((r) => r.name));

function normalisePath(path: string): string {
  const query = path.search(/[?#]/);
  const bare = query === -1 ? path : path.slice(0, query);
  return bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare;
}

const byPath = new Map<string, AnyRoute>(routeList.map((r) => [r.path, r]));
const byMessageCode = new Map<number, AnyRoute>(
  routeList.flatMap((r) => (r.requestMessageCode === undefined ? [] : [[r.requestMessageCode, r]])),
);

/**
 * The `messageCode` field of a body: `{ messageCode: code }`, or nothing for an API without
 * message codes. Spread it into a request (`route.requestMessageCode`) or a response
 * (`route.responseMessageCode`) so neither carries a `messageCode` its API does not have.
 */
export function messageCodeField(code: number | undefined): { readonly messageCode?: number } {
  return code === undefined ? {} : { messageCode: code };
}

/** The route serving `path` (query string and a trailing slash ignored), whatever the method. */
export function findRouteByPath(path: string): AnyRoute | undefined {
  return byPath.get(normalisePath(path));
}

/**
 * The route serving `method` (any case) on `path`, or `undefined` when no route has that path or
 * the route does not accept that method (use `findRouteByPath` to tell the two apart).
 */
export function findRoute(method: string, path: string): AnyRoute | undefined {
  const route = findRouteByPath(path);
  if (route === undefined) return undefined;
  const upper = method.toUpperCase();
  return (route.methods as readonly string[]).includes(upper) ? route : undefined;
}

/** The route whose request message code is `code` (the PG Load APIs have none). */
export function findRouteByMessageCode(code: number): AnyRoute | undefined {
  return byMessageCode.get(code);
}

/** Whether `name` is an API name. */
export function isApiName(name: string): name is ApiName {
  return Object.hasOwn(routes, name);
}
