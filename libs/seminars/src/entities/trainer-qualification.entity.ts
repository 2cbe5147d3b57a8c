import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { TrainerQualification } from '@lms/catalogue';
import { UserAccountEntity } from '@lms/identity';

/** A trainer's qualification in one area, with what shows it (a diploma, a course). Part of the trainer profile. */
@Entity('trainer_qualification')
@Index('IDX_trainer_qualification_area', ['area'])
@Check('CHK_trainer_qualification_area', `"area" IN ('psychology', 'conflictology', 'communication')`)
export class TrainerQualificationEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_trainer_qualification_user' })
  user?: UserAccountEntity;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  area: TrainerQualification;

  @Column({ type: 'varchar', length: 500 })
  evidence: string;

  @Column({ name: 'qualified_on', type: 'date' })
  qualifiedOn: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
