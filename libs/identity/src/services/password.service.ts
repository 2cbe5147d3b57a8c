import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

// argon2id with explicit cost (OWASP's 19 MiB / 2 passes minimum, raised to 3 passes).
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 3, parallelism: 1 };

@Injectable()
export class PasswordService {
  /** Verified against when the user is unknown, so both cases cost the same time. */
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(hashed: string | null, password: string): Promise<boolean> {
    if (hashed === null) {
      this.dummy ??= this.hash('timing-equaliser');
      await verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return verify(hashed, password).catch(() => false);
  }
}
