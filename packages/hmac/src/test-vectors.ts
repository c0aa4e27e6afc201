/**
 * Test support only (not exported by the package): the openssl vectors of
 * `fixtures/wallet-vectors.json`, read relative to this file so the path holds under Node 20,
 * Node 24 and Bun alike.
 */
import { readFileSync } from 'node:fs';

export interface HmacVector {
  readonly name: string;
  readonly merchantKey: string;
  readonly merchantSalt: string;
  readonly date: string;
  readonly signingString: string;
  readonly signatureHex: string;
  readonly signatureBase64: string;
  readonly authorization: string;
}

export interface DigestVector {
  readonly name: string;
  readonly body: string;
  readonly digestHeader: string;
  readonly signingString: string;
  readonly merchantSalt: string;
  readonly signatureHex: string;
}

export interface PayuV2Vector {
  readonly name: string;
  readonly body: string;
  readonly date: string;
  readonly merchantSalt: string;
  readonly hashInput: string;
  readonly signatureHex: string;
}

export interface WalletVectors {
  readonly hmac: readonly HmacVector[];
  readonly digest: readonly DigestVector[];
  readonly payuV2: readonly PayuV2Vector[];
}

export const vectors: WalletVectors = JSON.parse(
  readFileSync(new URL('../../../fixtures/wallet-vectors.json', import.meta.url), 'utf8'),
);

/** The date a digest vector signs: the first line of its signing string, after `date: `. */
export function digestVectorDate(vector: DigestVector): string {
  const [firstLine = ''] = vector.signingString.split('\n');
  return firstLine.slice('date: '.length);
}
