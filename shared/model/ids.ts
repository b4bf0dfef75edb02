/**
 * Makes record ids: a short prefix that says what the record is, then random base-36.
 * @example newId('t') // "t-k3j9x2m1q8"
 */
export type IdPrefix = 'm' | 't' | 's' | 'g' | 'c' | 'j';

// shared/ sees no DOM or Node types; Web Crypto is in every runtime we target (Chromium, Node 20).
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;

export function newId(prefix: IdPrefix): string {
  const bytes = webCrypto.getRandomValues(new Uint8Array(10));
  let out = '';
  for (const b of bytes) out += (b % 36).toString(36);
  return `${prefix}-${out}`;
}
