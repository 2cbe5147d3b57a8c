import { Module } from '@nestjs/common';
import { CatalogueModule } from '@lms/catalogue';
import { IdentityModule } from '@lms/identity';
import { PersonnelModule } from '@lms/personnel';
import { DemoSeeder } from './demo.seeder';

/** Demo organisation, officers, accounts and the seminar programme, for the embedded setup and `npm run seed:demo`. */
@Module({
  imports: [PersonnelModule, IdentityModule, CatalogueModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
