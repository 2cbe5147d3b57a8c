import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DrillEntity, DrillPlanEntity } from '@lms/catalogue';
import { UuidPrimaryColumn } from '@lms/core';
import { UserAccountEntity } from '@lms/identity';
import { OfficerEntity, UnitEntity } from '@lms/personnel';

/** A drill plan assigned to a unit (and its subtree) from a given week: week 1 of the plan is the week of `starts_on`. */
@Entity('drill_assignment')
@Index('IDX_drill_assignment_unit', ['unitId'])
@Check('CHK_drill_assignment_monday', `extract(isodow from "starts_on") = 1`)
export class DrillAssignmentEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => DrillPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'FK_drill_assignment_plan' })
  plan?: DrillPlanEntity;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_drill_assignment_unit' })
  unit?: UnitEntity;

  /** A Monday. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}

/** A drill a unit head ran with the shift: when, which drill revision, who led it. */
@Entity('drill_session')
@Index('IDX_drill_session_unit_held', ['unitId', 'heldAt'])
export class DrillSessionEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_drill_session_unit' })
  unit?: UnitEntity;

  @Column({ name: 'drill_id', type: 'uuid' })
  drillId: string;

  @ManyToOne(() => DrillEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'drill_id', foreignKeyConstraintName: 'FK_drill_session_drill' })
  drill?: DrillEntity;

  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId: string | null;

  @ManyToOne(() => DrillAssignmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'FK_drill_session_assignment' })
  assignment?: DrillAssignmentEntity;

  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt: Date;

  @Column({ name: 'led_by', type: 'uuid' })
  ledBy: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'led_by', foreignKeyConstraintName: 'FK_drill_session_leader' })
  leader?: UserAccountEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An officer who took part in a drill session. */
@Entity('drill_participant')
@Index('IDX_drill_participant_officer', ['officerId'])
export class DrillParticipantEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => DrillSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_drill_participant_session' })
  session?: DrillSessionEntity;

  @PrimaryColumn({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_drill_participant_officer' })
  officer?: OfficerEntity;
}
