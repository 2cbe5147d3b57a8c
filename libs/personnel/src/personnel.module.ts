import { Module } from '@nestjs/common';
import { OfficerController } from './controllers/officer.controller';
import { UnitController } from './controllers/unit.controller';
import { OfficerChangeHooks } from './services/officer-change.hooks';
import { OfficerImportService } from './services/officer-import.service';
import { OfficerService } from './services/officer.service';
import { UnitService } from './services/unit.service';

/** The organisation tree and the personnel list. Owns tables `unit` and `officer`. */
@Module({
  controllers: [UnitController, OfficerController],
  providers: [UnitService, OfficerService, OfficerImportService, OfficerChangeHooks],
  exports: [UnitService, OfficerService, OfficerImportService, OfficerChangeHooks],
})
export class PersonnelModule {}
