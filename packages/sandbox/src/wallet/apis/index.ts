/** Every wallet API's business logic, keyed like the route table. */
import { changeWalletStatus } from './change-wallet-status.js';
import { checkStatus } from './check-status.js';
import type { ApiHandler, StoredApiName } from './handler.js';
import { load } from './load.js';
import { pgLoad } from './pg-load.js';
import { registerCustomer } from './register-customer.js';
import { retrieveCustomer } from './retrieve-customer.js';
import { statement } from './statement.js';
import { unload } from './unload.js';
import { updateProfile } from './update-profile.js';

export type { ApiContext, ApiHandler, StoredApiName } from './handler.js';
export { pgLoadEnquiry } from './pg-load-enquiry.js';

/** The business logic of every API answered through the idempotent unit of work. */
export const apiHandlers: { readonly [N in StoredApiName]: ApiHandler<N> } = {
  registerCustomer,
  retrieveCustomer,
  updateProfile,
  load,
  unload,
  statement,
  checkStatus,
  changeWalletStatus,
  pgLoad,
};
