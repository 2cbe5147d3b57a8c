export * from './dto/officer.dto';
export * from './dto/officer.response';
export * from './dto/unit.dto';
export * from './dto/unit.response';
export * from './entities/officer.entity';
export * from './entities/unit.entity';
export * from './personnel.errors';
export * from './personnel.module';
export * from './services/officer-change.hooks';
export * from './services/officer-import.service';
export * from './services/officer.service';
export * from './services/unit.service';
export { CSV_COLUMNS } from './services/officer-csv';
export { unitNameIn, unitNameSql } from './services/unit.mapper';

import { OfficerEntity } from './entities/officer.entity';
import { UnitEntity } from './entities/unit.entity';
export const PERSONNEL_ENTITIES = [UnitEntity, OfficerEntity];
export * from './services/csv-decoding';
