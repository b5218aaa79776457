/**
 * Verifying a phone the guest typed: a typed number is only a claim. The assistant sends a one-time code
 * to a channel already verified for that client (her Telegram or WhatsApp), and takes the claim only
 * when the guest types the code back. The challenge kept in the flow holds a salted hash of the code,
 * never the code.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Client } from '../crm';

/** How long a code is good for. */
export const IDENTITY_CODE_TTL_MINUTES = 10;

/** A channel user, as conversations are keyed. */
export interface ChannelUser {
  channel: string;
  userId: string;
}

/**
 * Delivers a one-time code to a channel already verified for the client (one she wrote from, linked by
 * a verified identity), other than the conversation asking. The composition root provides it once the
 * channels are running; without it no code can be sent and a claimed phone stays unverified.
 */
export interface IdentityCourier {
  /** True when the code went out to one of the client's verified channels (not `asking`). */
  sendCode(client: Client, code: string, asking: ChannelUser): Promise<boolean>;
}

/** The courier of one-time codes (late-bound: the channels start after the assistant) and the code generator (tests fix it). */
export interface IdentityVerification {
  courier?: IdentityCourier;
  newCode?: () => string;
}

/** What the flow keeps between sending a code and the guest's answer (the `identity_challenge` slot). */
export interface IdentityChallenge {
  client: string;
  salt: string;
  hash: string;
  /** Epoch ms after which the code is refused. */
  expires: number;
}

/** A fresh six-digit code. */
export const randomIdentityCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

const hashOf = (salt: string, code: string): string => createHash('sha256').update(`${salt}:${code}`).digest('hex');

/** The challenge for a code sent now. */
export function challengeFor(client: string, code: string, now: Date, ttlMinutes = IDENTITY_CODE_TTL_MINUTES): IdentityChallenge {
  const salt = randomBytes(16).toString('hex');
  return { client, salt, hash: hashOf(salt, code), expires: now.getTime() + ttlMinutes * 60_000 };
}

/** True when `typed` is the challenge's code and it has not expired. */
export function codeMatches(challenge: IdentityChallenge | undefined, typed: unknown, now: Date): boolean {
  if (!challenge || typeof typed !== 'string' || now.getTime() > challenge.expires) return false;
  const expected = Buffer.from(challenge.hash, 'hex');
  const actual = Buffer.from(hashOf(challenge.salt, typed.replace(/\s+/g, '')), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The `identity_challenge` slot, when it has the challenge's shape. */
export function challengeSlot(slots: Readonly<Record<string, unknown>>): IdentityChallenge | undefined {
  const value = slots.identity_challenge as Partial<IdentityChallenge> | undefined;
  return value && typeof value.client === 'string' && typeof value.salt === 'string' && typeof value.hash === 'string' && typeof value.expires === 'number'
    ? (value as IdentityChallenge)
    : undefined;
}
