import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UnitEntity } from '@lms/personnel';
import { UserAccountEntity } from './user-account.entity';

/** A role held for a unit subtree. */
@Entity('user_role')
@Check('CHK_user_role_role', `"role" IN ('officer', 'trainer', 'hr', 'admin')`)
export class UserRoleEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  role: string;

  @Index('IDX_user_role_unit')
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_user_role_user' })
  user?: UserAccountEntity;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_user_role_unit' })
  unit?: UnitEntity;
}
