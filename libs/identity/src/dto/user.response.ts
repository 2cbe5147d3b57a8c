import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, type Language, ROLES, type Role } from '@lms/core';
import { OfficerView } from '@lms/personnel';
import { RoleGrantDto } from './user.dto';

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'a.nurlanov' }) username: string;
  @ApiProperty({
    example: 'Нұрланов Ерлан Асқарұлы',
    description:
      'The name shown to people: an officer’s from the personnel record, else the account’s display name, else the username',
  })
  displayName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The personnel record of an officer' })
  officerId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where notifications are e-mailed' })
  email: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ description: 'A new password is asked at the next sign-in' }) mustChangePassword: boolean;
  @ApiProperty({ description: 'A second factor (TOTP) is active' }) secondFactor: boolean;
  @ApiProperty({
    enum: LANGUAGES,
    enumName: 'Language',
    nullable: true,
    description: 'The language chosen on the pages, also that of notifications, if any',
  })
  language: Language | null;
  @ApiProperty({ type: [RoleGrantDto] }) roles: RoleGrantDto[];
  @ApiProperty({ type: Date, nullable: true }) lastLoginAt: Date | null;
  @ApiProperty() createdAt: Date;
}

/** How a user is reached: e-mail for notifications and the language they read. */
export class ContactView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: LANGUAGES, enumName: 'Language', nullable: true }) language: Language | null;
}

/** The signed-in user, with their personnel record when they are an officer. */
export class MeView extends UserView {
  @ApiProperty({ type: OfficerView, nullable: true }) officer: OfficerView | null;
}

/** An officer's new login; the initial password is shown this once and must be changed at first sign-in. */
export class IssuedAccount {
  @ApiProperty() personnelNumber: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'The personnel number' }) username: string;
  @ApiProperty() initialPassword: string;
}

export class RolePolicyView {
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ description: 'Holders of the role must use a second factor' }) mfaRequired: boolean;
}
