import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** `v1:<key id>:<12-byte IV>:<ciphertext and 16-byte tag>`, the last two base64url. */
const SEALED = /^v1:([0-9a-f]{8}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22,})$/;

/** The first 8 hex digits of the key's SHA-256: names a key in what it sealed without revealing it. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export class UnknownSealingKey extends Error {}

/**
 * Short secrets encrypted at rest with AES-256-GCM. Each sealed value names
 * the key that sealed it, so keys can be rotated: seal with the current key,
 * open with it or any previous one, and `isCurrent` says what to re-seal.
 * `context` (e.g. `totp:<user id>`) is bound as associated data: a value
 * copied onto another row does not open there.
 */
export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(current: Buffer, previous: Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== 32) throw new Error('an AES-256 key has 32 bytes');
      this.keys.set(keyId(key), key);
    }
    this.currentKeyId = keyId(current);
  }

  static isSealed(value: string): boolean {
    return SEALED.test(value);
  }

  /** The id of the key that sealed `value`, or null when it is not a sealed value. */
  static keyIdOf(value: string): string | null {
    return SEALED.exec(value)?.[1] ?? null;
  }

  knows(id: string): boolean {
    return this.keys.has(id);
  }

  isCurrent(value: string): boolean {
    return SecretBox.keyIdOf(value) === this.currentKeyId;
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1:${this.currentKeyId}:${iv.toString('base64url')}:${body.toString('base64url')}`;
  }

  /** The plaintext; throws when the value is not sealed, its key is unknown, or it was altered. */
  open(value: string, context: string): string {
    const match = SEALED.exec(value);
    if (!match) throw new UnknownSealingKey('not a sealed value');
    const key = this.keys.get(match[1]);
    if (!key) throw new UnknownSealingKey(`sealed with key ${match[1]}, which is not configured`);
    const body = Buffer.from(match[3], 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(match[2], 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  }
}
