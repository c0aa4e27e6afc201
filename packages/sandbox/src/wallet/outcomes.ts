/**
 * The decrypted answers the wallet APIs give: success bodies (`00`, the route's response message code
 * when it has one, and success message) and failure bodies (a catalogue code and its message), as store outcomes.
 */
import {
  type AnyRoute,
  errorCatalogue,
  isPlatformCode,
  messageCodeField,
  type PlatformCode,
} from '@wallet/schemas';
import type { JsonObject } from '../store/json.js';
import type { Outcome } from '../store/records.js';

const SUCCESS = errorCatalogue['00'];

/** A decrypted failure response: code, the route's response message code (if any), echo and message. */
export function failureBody(
  route: AnyRoute,
  clientTxnId: string | undefined,
  code: PlatformCode,
  message: string = errorCatalogue[code].message,
): JsonObject {
  return {
    responseCode: errorCatalogue[code].code,
    ...messageCodeField(route.responseMessageCode),
    ...(clientTxnId === undefined ? {} : { clientTxnId }),
    responseMessage: message,
  };
}

/** Builds the outcomes of one request of one API. */
export class Responses {
  readonly route: AnyRoute;
  readonly clientTxnId: string;

  constructor(route: AnyRoute, clientTxnId: string) {
    this.route = route;
    this.clientTxnId = clientTxnId;
  }

  /** A success: `00`, the route's success message, then `fields`. */
  success(fields: JsonObject): Outcome {
    return {
      kind: 'success',
      httpStatus: SUCCESS.httpStatus,
      response: {
        responseCode: SUCCESS.code,
        ...messageCodeField(this.route.responseMessageCode),
        clientTxnId: this.clientTxnId,
        responseMessage: this.route.successMessage,
        ...fields,
      },
    };
  }

  /** A business decline with a catalogue code: stored, effects rolled back. */
  decline(code: string): Outcome {
    if (!isPlatformCode(code)) throw new TypeError('decline needs a catalogue code');
    return {
      kind: 'decline',
      httpStatus: errorCatalogue[code].httpStatus,
      response: failureBody(this.route, this.clientTxnId, code),
    };
  }
}
