import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditLogRepository, UserRepository } from '@civicpulse/db';
import { repositoryProvider } from '../database/database.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthUserCache } from './auth-user-cache';
import { AuthService } from './auth.service';
import { FIRST_ADMIN_OUTPUT, FirstAdminService } from './first-admin.service';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Module({
  // Secret and expiry are passed per call by TokenService, from the validated config.
  imports: [JwtModule.register({})],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    AuthUserCache,
    PasswordHasher,
    FirstAdminService,
    repositoryProvider(UserRepository),
    repositoryProvider(AuditLogRepository),
    { provide: FIRST_ADMIN_OUTPUT, useValue: (line: string) => process.stdout.write(`${line}\n`) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordHasher, UserRepository, AuditLogRepository, AuthUserCache],
})
export class AuthModule {}
