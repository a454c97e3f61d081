import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type CreateUserRequest, type Role, type UpdateUserRequest } from '@civicpulse/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';

const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
const DEPARTMENT = /^[A-Za-z0-9._-]{1,64}$/;

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'li.wei', pattern: USERNAME.source })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3–64 letters, digits, dot, dash or underscore' })
  username!: string;

  @ApiProperty({ minLength: 10, maxLength: 200, format: 'password' })
  @IsString()
  @Length(10, 200)
  password!: string;

  @ApiPropertyOptional({ example: '李伟' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    nullable: true,
    example: 'transport-bureau',
    description: 'Department scope; null = all',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(DEPARTMENT)
  departmentCode?: string | null;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(DEPARTMENT)
  departmentCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;

  @ApiPropertyOptional({ description: 'true disables sign-in; the user and its history stay' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ minLength: 10, format: 'password' })
  @IsOptional()
  @IsString()
  @Length(10, 200)
  password?: string;
}
