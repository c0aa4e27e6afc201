/** HTTP optional whitespace (OWS): a space or a horizontal tab. */
export function isOptionalWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Drops leading and trailing OWS in linear time (no regex backtracking on long inputs). */
export function trimOptionalWhitespace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isOptionalWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isOptionalWhitespace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}
