/**
 * Sealing a secret for the store: AES-256-GCM under a key derived with HKDF-SHA256 from a secret every replica
 * already has (the Admin API private key), bound to the secret's ID and its owner (additional authenticated data),
 * so a stored blob opens only for that ID and that person, and Redis never holds the secret in clear.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';

const VERSION = 'v1';
const SALT = 'authgear-slack/secret-vault';
const INFO = 'aes-256-gcm v1';

export interface SecretValue {
  readonly label: string;
  readonly value: string;
}

const secretSchema = z.object({ label: z.string().max(100), value: z.string().max(1000) });

/** The 256-bit vault key derived from `material` (the Admin API private key PEM). */
export const vaultKey = (material: string): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(material, 'utf8'), SALT, INFO, 32));

const aad = (id: string, ownerId: string): Buffer => Buffer.from(`${id}\n${ownerId}`, 'utf8');

/** `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
export const seal = (key: Buffer, id: string, ownerId: string, secret: SecretValue): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(id, ownerId));
  const body = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
};

/** Opens a blob sealed for `id` and `ownerId`; a blob altered, moved or sealed under another key does not open. */
export const open = (key: Buffer, id: string, ownerId: string, blob: string): SecretValue => {
  const [version, iv, tag, body] = blob.split('.');
  try {
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aad(id, ownerId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
    return secretSchema.parse(JSON.parse(text));
  } catch (cause) {
    throw new AppError('internal', 'The secret could not be opened.', { cause, details: { secretId: id } });
  }
};
