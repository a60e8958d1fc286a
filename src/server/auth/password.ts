/**
 * Password hashing with argon2id (@node-rs/argon2, OWASP's minimum parameters: 19 MiB,
 * 2 passes). Hashes are PHC strings, so the parameters can be raised later and old hashes
 * still verify.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Verifies against a throw-away hash so that an unknown user name costs as much time as a known one. */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummy, password);
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A readable random password: three groups of four, e.g. "k7pq-m3xa-9fhz". */
export function generatePassword(): string {
  const bytes = randomBytes(12);
  let s = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) s += '-';
    s += ALPHABET[bytes[i] % ALPHABET.length];
  }
  return s;
}
