import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CleanText, Language, LANGUAGES, PageQuery, ROLES, Role } from '@lms/core';

/** Lower-case ASCII only: look-alike Unicode names cannot impersonate each other. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const normalizeUsername = (value: unknown) =>
  typeof value === 'string' ? value.normalize('NFKC').trim().toLowerCase() : value;

export class RoleGrantDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ description: 'The role holds for this unit and everything under it' })
  @IsUUID()
  unitId: string;
}

export class PasswordField {
  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class CreateUserDto extends PasswordField {
  @ApiProperty({ example: 'a.nurlanov' })
  @Transform(({ value }) => normalizeUsername(value))
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3-64 Latin letters, digits, dot, dash or underscore' })
  username: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'The name shown for staff without a personnel record (an officer’s comes from that record)',
  })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(200)
  displayName?: string;
  @ApiPropertyOptional({ description: 'Links the account to a personnel record' })
  @IsOptional()
  @IsUUID()
  officerId?: string;

  @ApiProperty({ type: [RoleGrantDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantDto)
  roles: RoleGrantDto[];

  @ApiPropertyOptional({ description: 'Ask for a new password at first sign-in' })
  @IsOptional()
  @IsBoolean()
  mustChangePassword?: boolean;
}

export class UpdateUserDto {
  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'The name shown for staff without a personnel record (an officer’s comes from that record); "" clears it',
  })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ type: [RoleGrantDto], description: 'Replaces the grants within your units; others stay' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantDto)
  roles?: RoleGrantDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'Sets a new initial password that must be changed at next sign-in' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'Removes the second factor so the user enrols again' })
  @IsOptional()
  @IsBoolean()
  resetSecondFactor?: boolean;
}

/** Lower-cased and trimmed, so one mailbox is one address whatever the capitals. */
const normalizeEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** How to reach a user: e-mail for notifications (null removes it) and the language they read in. */
export class ContactDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254, example: 'e.serikov@police.kz' })
  @IsOptional()
  @Transform(normalizeEmail)
  @ValidateIf((_object, value) => value !== null)
  @IsEmail({ allow_display_name: false, require_tld: true }, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, nullable: true, description: "null: the officer record's language" })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsIn(LANGUAGES)
  language?: Language | null;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class OfficerAccountsDto {
  @ApiProperty({ description: 'Create accounts for every officer of this subtree that has none' })
  @IsUUID()
  unitId: string;
}

export class RolePolicyDto {
  @ApiProperty()
  @IsBoolean()
  mfaRequired: boolean;
}
