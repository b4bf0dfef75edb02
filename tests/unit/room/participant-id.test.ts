import { createHash, randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSecret, newSecret, participantIdOf } from '../../../shared/room';

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

describe('participant identity', () => {
  it('derives a stable id from the secret that does not reveal it', async () => {
    const secret = newSecret((b) => randomFillSync(b));
    expect(isSecret(secret)).toBe(true);
    const id = await participantIdOf(secret, sha256);
    expect(id).toMatch(/^p[0-9a-f]{16}$/);
    expect(await participantIdOf(secret, sha256)).toBe(id);
    expect(id).not.toContain(secret.slice(0, 8));
    expect(await participantIdOf(newSecret((b) => randomFillSync(b)), sha256)).not.toBe(id);
  });

  it('matches Web Crypto and node:crypto', async () => {
    const secret = '00112233445566778899aabbccddeeff';
    const web = async (bytes: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    expect(await participantIdOf(secret, web)).toBe(await participantIdOf(secret, sha256));
  });

  it('refuses a secret that is not 128 bits of hex', async () => {
    await expect(participantIdOf('abc', sha256)).rejects.toThrow(/32 hex digits/);
  });
});
