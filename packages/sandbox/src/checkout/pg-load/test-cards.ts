/**
 * The test cards the PG Load card page accepts (the sandbox README lists them). A card is told by
 * its number alone, spaces and dashes ignored; expiry, CVV and name are not checked.
 */

/** What taking a card does to the top-up. */
export type CardOutcome = 'approved' | 'declined';

export interface TestCard {
  readonly number: string;
  readonly outcome: CardOutcome;
  /** In words, for the README and the page. */
  readonly description: string;
}

export const TEST_CARDS: readonly TestCard[] = [
  {
    number: '4111111111111111',
    outcome: 'approved',
    description: 'approved: the wallet is credited (unless its status or limits refuse it)',
  },
  {
    number: '4000000000000002',
    outcome: 'declined',
    description: 'declined by the bank: the top-up fails and nothing is credited',
  },
];

/** The callback's code and message when the card is declined (the issuer's "do not honour"). */
export const CARD_DECLINED = { code: '05', message: 'CARD DECLINED BY THE ISSUER' } as const;

/** The test card a submitted number names, or undefined for any other number. */
export function testCardOf(submitted: string): TestCard | undefined {
  const digits = submitted.replace(/[\s-]/g, '');
  return TEST_CARDS.find((card) => card.number === digits);
}
