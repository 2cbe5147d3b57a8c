import { Module } from '@nestjs/common';
import { IdentityModule } from '@lms/identity';
import { PersonnelModule } from '@lms/personnel';
import { DemoSeeder } from './demo.seeder';

/** Demo organisation, officers and accounts for the embedded setup and `npm run seed:demo`. */
@Module({
  imports: [PersonnelModule, IdentityModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
