import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProgrammeEntity } from './programme.entity';

/** Areas a trainer may be qualified in (the thesis: psychology, conflictology, communication methods). */
export const TRAINER_QUALIFICATIONS = ['psychology', 'conflictology', 'communication'] as const;
export type TrainerQualification = (typeof TRAINER_QUALIFICATIONS)[number];

/**
 * Who may run a programme's seminars: the thesis wants professional trainers,
 * not HR staff. Scheduling a seminar of one of the programme's courses refuses
 * a trainer without one of these qualifications.
 */
@Entity('programme_seminar_rule')
export class ProgrammeSeminarRuleEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @OneToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_programme_seminar_rule_programme' })
  programme?: ProgrammeEntity;

  /** The trainer needs at least one of these; empty: no requirement. */
  @Column({ name: 'trainer_qualifications', type: 'varchar', length: 20, array: true })
  trainerQualifications: TrainerQualification[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
