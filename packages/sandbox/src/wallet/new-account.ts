/**
 * How a registration becomes the store's new account: one mapping for Register Customer and for
 * seeded customers, so both create customers and wallets the same way.
 */
import {
  type KycProfile,
  type RegisterCustomerRequest,
  type RiskCategory,
  riskCategoryName,
} from '@wallet/schemas';
import type { NewAccount } from '../store/records.js';
import { dayMonthYearToIso } from './dates.js';

/** A registration, already checked: the person, and the wallet's settings. */
export interface Registration {
  readonly customerId?: string | undefined;
  readonly person: RegisterCustomerRequest['customerDetails'];
  readonly kycProfile: KycProfile;
  readonly riskCategory: RiskCategory;
  readonly productId: number;
  /** Issue a 16-digit unique number (Register Customer's `formFactorRequired`). */
  readonly formFactor: boolean;
}

export function newAccountOf(registration: Registration): NewAccount {
  const { person } = registration;
  return {
    customerId: registration.customerId,
    mobile: person.mobileNumber,
    email: person.emailAddress ?? null,
    firstName: person.firstName,
    middleName: person.middleName ?? null,
    lastName: person.lastName ?? null,
    gender: person.gender ?? null,
    dateOfBirth: dayMonthYearToIso(person.dateOfBirth),
    kycProfile: registration.kycProfile,
    riskCategory: riskCategoryName(registration.riskCategory),
    productId: registration.productId,
    issueFormFactor: registration.formFactor,
  };
}
