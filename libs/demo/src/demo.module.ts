import { Module } from '@nestjs/common';
import { AssessmentsModule } from '@lms/assessments';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { IdentityModule } from '@lms/identity';
import { PersonnelModule } from '@lms/personnel';
import { SeminarsModule } from '@lms/seminars';
import { TrustModule } from '@lms/trust';
import { DemoSeeder } from './demo.seeder';
import { DemoHistorySeeder } from './history/demo-history.seeder';
import { DemoTrustSeeder } from './history/demo-trust.seeder';

/**
 * The demo organisation (officers, accounts, the seminar programme) and a
 * year of its training, for the embedded setup and `npm run seed:demo`.
 */
@Module({
  imports: [
    PersonnelModule,
    IdentityModule,
    CatalogueModule,
    AssignmentsModule,
    SeminarsModule,
    AssessmentsModule,
    TrustModule,
  ],
  providers: [DemoSeeder, DemoHistorySeeder, DemoTrustSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
