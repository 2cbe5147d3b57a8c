import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TokenLimit } from '../services/token.service';
import { UserView } from './user.response';

export class IssuedToken {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken: string;
  @ApiProperty({ type: 'integer', description: 'Seconds until it expires' }) expiresIn: number;
}

export class LoginResult extends IssuedToken {
  @ApiProperty({ type: UserView }) user: UserView;

  @ApiPropertyOptional({
    enum: ['password-change', 'mfa-enrolment'],
    description: 'The token only serves to change the initial password, or to enrol the second factor, first',
  })
  restrictedTo?: TokenLimit;
}

/** A new TOTP secret: scan the QR code, then confirm with a code from the app. */
export class TotpEnrolment {
  @ApiProperty({ description: 'Base32 secret, for entering by hand' }) secret: string;
  @ApiProperty({ example: 'otpauth://totp/Officer%20Training:a.nurlanov?secret=...' }) otpauthUrl: string;
  @ApiProperty({ description: 'The otpauth URL as a PNG data URL' }) qrCode: string;
}

export class RecoveryCodes {
  @ApiProperty({ type: [String], description: 'One-time codes that replace the TOTP code; shown this once' })
  recoveryCodes: string[];
}
