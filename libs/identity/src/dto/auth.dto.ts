import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'demo.admin' })
  @IsString()
  @MaxLength(200)
  username: string;

  @ApiProperty({ example: 'Demo-Admin-2026' })
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ description: 'Six-digit code from the authenticator app, when the account has one' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'totp must be six digits' })
  totp?: string;

  @ApiPropertyOptional({ description: 'A one-time recovery code instead of the totp' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class TotpConfirmDto {
  @ApiProperty()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be six digits' })
  code: string;

  @ApiProperty({ description: 'Your password again: a token alone does not bind a second factor (wrong: 403)' })
  @IsString()
  @MaxLength(200)
  currentPassword: string;
}
