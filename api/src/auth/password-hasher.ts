import { Injectable } from '@nestjs/common';
import { compare, hash, hashSync } from 'bcryptjs';

/** bcrypt cost: ~60–100 ms per hash on the target machine, slow enough for offline guessing. */
const COST = 10;

/** Hashes and checks passwords with bcrypt. */
@Injectable()
export class PasswordHasher {
  // Compared against when the username is unknown, so both paths take the same time.
  private readonly dummyHash = hashSync('not-a-password', COST);

  hash(password: string): Promise<string> {
    return hash(password, COST);
  }

  async verify(password: string, passwordHash: string | null): Promise<boolean> {
    const ok = await compare(password, passwordHash ?? this.dummyHash);
    return passwordHash !== null && ok;
  }
}
