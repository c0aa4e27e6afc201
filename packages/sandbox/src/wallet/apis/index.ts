/** Every wallet API's business logic, keyed like the route table. */
import type { ApiName } from '@wallet/schemas';
import { changeWalletStatus } from './change-wallet-status.js';
import { checkStatus } from './check-status.js';
import type { ApiHandler } from './handler.js';
import { load } from './load.js';
import { registerCustomer } from './register-customer.js';
import { retrieveCustomer } from './retrieve-customer.js';
import { statement } from './statement.js';
import { unload } from './unload.js';
import { updateProfile } from './update-profile.js';

export type { ApiContext, ApiHandler } from './handler.js';

export const apiHandlers: { readonly [N in ApiName]: ApiHandler<N> } = {
  registerCustomer,
  retrieveCustomer,
  updateProfile,
  load,
  unload,
  statement,
  checkStatus,
  changeWalletStatus,
};
