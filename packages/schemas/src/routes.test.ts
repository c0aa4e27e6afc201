import { describe, expect, it } from 'vitest';
import { lookupError } from './error-catalogue.js';
import {
  apiNames,
  findRoute,
  findRouteByMessageCode,
  findRouteByPath,
  isApiName,
  messageCodeField,
  routeList,
  routes,
} from './routes.js';

describe('the route table', () => {
  it('holds the ten APIs under their contract names', () => {
    expect(apiNames).toEqual([
      'registerCustomer',
      'retrieveCustomer',
      'updateProfile',
      'load',
      'unload',
      'statement',
      'checkStatus',
      'changeWalletStatus',
      'pgLoad',
      'pgLoadEnquiry',
    ]);
  });

  it.each([
    ['registerCustomer', '/loyalty-points/v1/wallet/enroll', ['POST'], 3510],
    ['retrieveCustomer', '/loyalty-points/v1/wallet/retrieveCustRecord', ['POST'], 1930],
    [
      'updateProfile',
      '/loyalty-points/v1/wallet/onboarding/v3/updateProfile',
      ['POST', 'PATCH'],
      1280,
    ],
    ['load', '/loyalty-points/v1/wallet/load-account', ['PATCH'], 1080],
    ['unload', '/loyalty-points/v1/wallet/debit-account', ['PATCH'], 1480],
    ['statement', '/loyalty-points/v1/wallet/statement-inquiry', ['POST'], 1072],
    ['checkStatus', '/loyalty-points/v1/wallet/check-status', ['POST'], 2050],
    [
      'changeWalletStatus',
      '/loyalty-points/v1/wallet/onboarding/walletStatus',
      ['PATCH', 'POST'],
      3530,
    ],
  ] as const)('%s: %s %j, %i', (name, path, methods, code) => {
    const route = routes[name];
    expect(route.name).toBe(name);
    expect(route.path).toBe(path);
    expect(route.methods).toEqual(methods);
    expect(route.requestMessageCode).toBe(code);
    expect(route.responseMessageCode).toBe(code + 1);
    expect(route.clientTxnId).toBe('own');
  });

  it.each([
    ['pgLoad', '/loyalty-points/ppi/payment/pg-load/v1', 'own'],
    ['pgLoadEnquiry', '/loyalty-points/ppi/payment/pg-load/enquiry/v1', 'enquired'],
  ] as const)('%s: POST %s, no message codes, clientTxnId %s', (name, path, role) => {
    const route = routes[name];
    expect(route.path).toBe(path);
    expect(route.methods).toEqual(['POST']);
    expect(route.requestMessageCode).toBeUndefined();
    expect(route.responseMessageCode).toBeUndefined();
    expect(route.clientTxnId).toBe(role);
  });

  it('answers 1054 for an unknown clientTxnId of PG Load Enquiry', () => {
    expect(routes.pgLoadEnquiry.codes).toEqual(['1054']);
  });

  it('gives every route a success message and codes the catalogue knows', () => {
    for (const route of routeList) {
      expect(route.successMessage).toMatch(/^[A-Z ]+$/);
      for (const code of route.codes) expect(lookupError(code)).toBeDefined();
    }
  });

  it('has distinct paths and message codes', () => {
    expect(new Set(routeList.map((r) => r.path)).size).toBe(routeList.length);
    const coded = routeList.filter((r) => r.requestMessageCode !== undefined);
    expect(coded).toHaveLength(8);
    expect(new Set(coded.map((r) => r.requestMessageCode)).size).toBe(coded.length);
  });
});

describe('messageCodeField', () => {
  it('gives the field for an API with message codes, nothing for one without', () => {
    expect(messageCodeField(routes.load.requestMessageCode)).toEqual({ messageCode: 1080 });
    expect(messageCodeField(routes.pgLoad.requestMessageCode)).toEqual({});
    expect(Object.keys(messageCodeField(routes.pgLoadEnquiry.responseMessageCode))).toEqual([]);
  });
});

describe('lookups', () => {
  it('finds a route by method and path, ignoring method case, query and trailing slash', () => {
    expect(findRoute('POST', '/loyalty-points/v1/wallet/enroll')?.name).toBe('registerCustomer');
    expect(findRoute('patch', '/loyalty-points/v1/wallet/onboarding/v3/updateProfile/')?.name).toBe(
      'updateProfile',
    );
    expect(findRoute('PATCH', '/loyalty-points/v1/wallet/load-account?x=1')?.name).toBe('load');
  });

  it('tells an unknown path from a method the route does not take', () => {
    expect(findRoute('GET', '/loyalty-points/v1/wallet/enroll')).toBeUndefined();
    expect(findRouteByPath('/loyalty-points/v1/wallet/enroll')?.name).toBe('registerCustomer');
    expect(findRoute('POST', '/loyalty-points/v1/wallet/load-account')).toBeUndefined();
    expect(findRouteByPath('/nope')).toBeUndefined();
  });

  it('finds a route by request message code', () => {
    expect(findRouteByMessageCode(1080)?.name).toBe('load');
    expect(findRouteByMessageCode(1081)).toBeUndefined();
  });

  it('finds the PG Load routes by path', () => {
    expect(findRoute('POST', '/loyalty-points/ppi/payment/pg-load/v1')?.name).toBe('pgLoad');
    expect(findRoute('post', '/loyalty-points/ppi/payment/pg-load/enquiry/v1/')?.name).toBe(
      'pgLoadEnquiry',
    );
  });

  it('recognises API names', () => {
    expect(isApiName('load')).toBe(true);
    expect(isApiName('toString')).toBe(false);
  });
});
