import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditLogRepository, UserRepository } from '@civicpulse/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { PasswordHasher } from './password-hasher';

/** Writes one line on stdout; injectable so tests can capture it. */
export const FIRST_ADMIN_OUTPUT = Symbol('FIRST_ADMIN_OUTPUT');
export type LineWriter = (line: string) => void;

/**
 * Creates the first admin at boot when no active admin exists, so a fresh install can be
 * signed into. A generated password is printed once, on its own clearly marked stdout line
 * (not through the logger, whose output may be shipped elsewhere and filtered by level).
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(FIRST_ADMIN_OUTPUT) private readonly writeLine: LineWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
  }

  /** Returns true when an admin was created by this call. */
  async ensureFirstAdmin(): Promise<boolean> {
    if ((await this.users.countActiveAdmins()) > 0) return false;
    const username = this.config.admin.username;
    const generated = this.config.admin.password === null;
    const password = this.config.admin.password ?? randomBytes(18).toString('base64url');
    const created = await this.users.create({
      username,
      passwordHash: await this.hasher.hash(password),
      displayName: 'Administrator',
      role: 'admin',
      departmentCode: null,
    });
    if (!created) {
      // The name is taken by a disabled or lower-role user, or another replica won the race.
      this.logger.warn(`No active admin, and user '${username}' already exists; not creating one`);
      return false;
    }
    await this.audit.append({
      actorId: null,
      actorName: 'system',
      action: 'user.create',
      entityType: 'app_user',
      entityId: String(created.id),
      after: { username, role: 'admin', reason: 'first admin at boot' },
    });
    if (generated) {
      this.writeLine(`FIRST_ADMIN username=${username} password=${password}`);
    } else {
      this.logger.log(`First admin '${username}' created with the password from ADMIN_PASSWORD`);
    }
    return true;
  }
}
