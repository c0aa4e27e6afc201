// Everything both builds export besides the functions bound to their digest implementation.
export type { CallbackBody } from './callback.js';
export type { Checkout } from './checkout.js';
export type {
  CheckoutConfig,
  CheckoutEndpoints,
  CheckoutEnvironment,
  CheckoutFetch,
} from './config.js';
export { PAYU_ENDPOINTS } from './config.js';
export {
  CheckoutConfigError,
  CheckoutErrorCode,
  CheckoutFieldError,
  CheckoutHashError,
  CheckoutResponseError,
  WalletCheckoutError,
} from './errors.js';
export { FIELD_MAX_LENGTH } from './fields.js';
export type {
  HostedPayment,
  LoadAndPayPayment,
  MerchantHostedPayment,
  PaymentForm,
  PaymentFormHtmlOptions,
  PaymentParams,
  PaymentRequestFields,
  SeamlessPaymentParams,
  WalletTarget,
} from './forms.js';
export type {
  CommandHashParams,
  HashedResponse,
  PaymentHashParams,
  PgLoadChecksumFields,
  ResponseHashFields,
} from './hashes.js';
export type { PaymentDetails, PaymentResponse, PaymentStatus } from './response.js';
