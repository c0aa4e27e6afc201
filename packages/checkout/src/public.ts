// Everything both builds export besides the functions bound to their digest implementation.
export {
  CheckoutErrorCode,
  CheckoutFieldError,
  CheckoutHashError,
  WalletCheckoutError,
} from './errors.js';
export { FIELD_MAX_LENGTH } from './fields.js';
export type {
  CommandHashParams,
  HashedResponse,
  PaymentHashParams,
  PgLoadChecksumFields,
  ResponseHashFields,
} from './hashes.js';
