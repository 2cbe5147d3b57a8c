import { UuidPrimaryColumn } from '@lms/core';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UnitEntity } from './unit.entity';

export const SERVICE_TYPES = ['patrol', 'district_inspector', 'traffic', 'juvenile', 'other'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const OFFICER_STATUSES = ['active', 'on_leave', 'dismissed'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];
export const OFFICER_LANGUAGES = ['kk', 'ru'] as const;
export type OfficerLanguage = (typeof OFFICER_LANGUAGES)[number];

/** A personnel record from HR. Never deleted: dismissal is a status. */
@Entity('officer')
@Check('CHK_officer_service_type', `"service_type" IN ('patrol', 'district_inspector', 'traffic', 'juvenile', 'other')`)
@Check('CHK_officer_status', `"status" IN ('active', 'on_leave', 'dismissed')`)
@Check('CHK_officer_language', `"language" IN ('kk', 'ru')`)
@Index('IDX_officer_unit_service', ['unitId', 'serviceType'])
export class OfficerEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('UQ_officer_personnel_number', { unique: true })
  @Column({ name: 'personnel_number', type: 'varchar', length: 30 })
  personnelNumber: string;

  @Column({ name: 'full_name', type: 'varchar', length: 300 })
  fullName: string;

  @Column({ type: 'varchar', length: 100 })
  rank: string;

  @Column({ type: 'varchar', length: 200 })
  position: string;

  @Column({ name: 'service_type', type: 'varchar', length: 30 })
  serviceType: ServiceType;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_officer_unit' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status: OfficerStatus;

  @Column({ type: 'varchar', length: 2, default: 'ru' })
  language: OfficerLanguage;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
