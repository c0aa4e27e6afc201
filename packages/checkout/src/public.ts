// Everything both builds export besides the functions bound to their digest implementation.
export type { CallbackBody } from './callback.js';
export type { Checkout } from './checkout.js';
export type {
  RefundDetails,
  RefundReceipt,
  RefundRequest,
  VerifiedPayments,
  WalletBalance,
} from './commands.js';
export type {
  CheckoutConfig,
  CheckoutEndpoints,
  CheckoutEnvironment,
  CheckoutFetch,
} from './config.js';
export { PAYU_ENDPOINTS } from './config.js';
export type { PaymentConfirmation, PaymentOutcome } from './confirm.js';
export {
  type CheckoutCallContext,
  CheckoutCommandError,
  CheckoutConfigError,
  CheckoutErrorCode,
  CheckoutFieldError,
  CheckoutHashError,
  CheckoutMismatchError,
  CheckoutRefundError,
  CheckoutResponseError,
  CheckoutTransportError,
  type ConfirmationField,
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
export type {
  PgLoadCallback,
  PgLoadCallbackOptions,
  PgLoadChecksumVerifier,
  PgLoadStatus,
} from './pg-load.js';
export { COMMAND_RETRY, type PostserviceCommand, type RetryClass } from './postservice.js';
export type { PaymentDetails, PaymentResponse, PaymentStatus } from './response.js';
