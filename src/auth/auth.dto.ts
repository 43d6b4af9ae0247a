import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ROLES, type Role } from './roles';

export class LoginDto {
  @ApiProperty({ example: 'namdinh.officer@demo.thidua.vn' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty()
  @IsUUID()
  organizationId!: string;

  @ApiPropertyOptional({ enum: ['vi', 'en'] })
  @IsOptional()
  @IsIn(['vi', 'en'])
  locale?: 'vi' | 'en';

  @ApiPropertyOptional({
    description:
      'At least 12 characters, not the e-mail, not a common password; when omitted one is generated, returned once, and must be changed at the first sign-in',
  })
  @IsOptional()
  @IsString()
  @Length(12, 256)
  password?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'false locks the account and ends its sessions (reason required)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: ROLES, description: 'ends the sessions of the account (reason required)' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'ends the sessions of the account (reason required)' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @ApiPropertyOptional({ description: 'Required to lock the account or change its role or organisation' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class RevokeSessionsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({ description: '12 to 256 characters, not the e-mail, not a common password' })
  @IsString()
  @MaxLength(4096)
  newPassword!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token of the reset link (the last part of its path)' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ description: '12 to 256 characters, not the e-mail, not a common password' })
  @IsString()
  @MaxLength(4096)
  newPassword!: string;
}

export class ListUsersQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
