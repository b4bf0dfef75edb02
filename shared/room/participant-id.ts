/**
 * A participant's identity. The participant's page keeps a random 128-bit secret (in
 * localStorage) and sends it only to the room server; everyone else sees the id derived from it
 * (a SHA-256 prefix), so knowing someone's id is not enough to write as them. The hash is
 * injected: Web Crypto in the page, node:crypto in the server.
 */
export type Sha256 = (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array> | Uint8Array;

/** 16 random bytes as 32 lowercase hex digits. */
export const SECRET_PATTERN = /^[0-9a-f]{32}$/;
/** Hex digits of the hash kept as the id (64 bits: unique in any room). */
const ID_LENGTH = 16;

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newSecret(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array): string {
  return toHex(random(new Uint8Array(16)));
}

export function isSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET_PATTERN.test(value);
}

export async function participantIdOf(secret: string, sha256: Sha256): Promise<string> {
  if (!isSecret(secret)) throw new Error('a participant secret is 32 hex digits');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(secret.slice(i * 2, i * 2 + 2), 16);
  return `p${toHex(await sha256(bytes)).slice(0, ID_LENGTH)}`;
}
