/**
 * Cross-install `instanceof`. Every error class marks its prototype with a `Symbol.for` brand, and
 * the static `Symbol.hasInstance` of `WalletError` accepts any object whose prototype chain
 * carries the brand of the class on the right of `instanceof`. Two copies of this package (a
 * duplicated install, or ESM next to CJS) share the `Symbol.for` registry, so an error thrown by one
 * copy is an `instanceof` the same-named class of the other.
 */

/** Where a branded class keeps its own brand (an own static property, never inherited). */
export const CLASS_BRAND: unique symbol = Symbol('@wallet/client:class-brand');

/** The registry key of a class's brand. The class name is the contract, across versions too. */
export function brandFor(className: string): symbol {
  return Symbol.for(`@wallet/client:${className}`);
}

/**
 * Marks `target`'s instances (through its prototype) and `target` itself with `className`'s brand,
 * and names its instances `className` (explicitly, so minified bundles keep readable names).
 */
export function brandClass(target: { readonly prototype: object }, className: string): void {
  const brand = brandFor(className);
  Object.defineProperty(target.prototype, brand, { value: true });
  Object.defineProperty(target.prototype, 'name', {
    value: className,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(target, CLASS_BRAND, { value: brand });
}

/** The brand `target` was given by {@link brandClass}, or `undefined` (a user's own subclass). */
export function ownBrand(target: object): symbol | undefined {
  return Object.hasOwn(target, CLASS_BRAND)
    ? (target as { [CLASS_BRAND]: symbol })[CLASS_BRAND]
    : undefined;
}

/** Whether `value` carries `brand` on its prototype chain. */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[brand] === true
  );
}
