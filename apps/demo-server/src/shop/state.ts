/**
 * The shop's own records, kept in memory (they go when the process stops; the wallet's balances
 * and payments stay in the sandbox's store): who signed up, and each order with its payment and
 * refunds.
 */
import { randomBytes } from 'node:crypto';

export interface ShopCustomer {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly mobile: string;
  readonly email: string;
  readonly urn: string;
}

export type OrderStatus = 'awaiting payment' | 'paid' | 'failed' | 'pending';

export interface OrderRefund {
  readonly requestId: string;
  /** Rupees, as asked. */
  readonly amount: string;
}

export interface Order {
  readonly txnid: string;
  readonly customerId: string;
  readonly product: string;
  /** Rupees, as posted and hashed (`525.00`). */
  readonly amount: string;
  status: OrderStatus;
  mihpayid: string | undefined;
  /** The gateway's error code and message when the payment did not go through. */
  problem: string | undefined;
  readonly refunds: OrderRefund[];
}

export interface Product {
  readonly id: string;
  readonly name: string;
  readonly price: string;
  readonly note?: string;
}

/** What the shop sells. The last one uses the sandbox's magic amount for a payment that settles late. */
export const PRODUCTS: readonly Product[] = [
  { id: 'pass', name: 'Monthly metro pass', price: '525.00' },
  { id: 'beans', name: 'Coffee beans, 250 g', price: '249.50' },
  {
    id: 'slow',
    name: 'Slow-settling parcel',
    price: '999.98',
    note: 'The sandbox reads this amount as pending for 30 seconds, then paid.',
  },
];

export class ShopState {
  readonly customers = new Map<string, ShopCustomer>();
  readonly orders = new Map<string, Order>();
  #sequence = 0;

  /** A session id for a new customer: 128 random bits. */
  newCustomerId(): string {
    return randomBytes(16).toString('hex');
  }

  /** A txnid PayU accepts (1-25 of A-Z a-z 0-9 _ -), unique in this process and across restarts. */
  newTxnid(): string {
    this.#sequence += 1;
    return `shop${Date.now().toString(36)}${this.#sequence.toString(36)}${randomBytes(2).toString('hex')}`;
  }

  ordersOf(customerId: string): Order[] {
    return [...this.orders.values()].filter((order) => order.customerId === customerId).reverse();
  }
}

/** `12345` paise as `123.45`. */
export function rupees(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `123.4` rupees as `12340` paise, or undefined for anything that is not a positive amount. */
export function paiseOf(text: string): number | undefined {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const paise = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return paise > 0 ? paise : undefined;
}
