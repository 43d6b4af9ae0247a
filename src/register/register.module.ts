import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { EligibilityService } from './eligibility.service';
import { PersonsService } from './persons.service';
import { EligibleController, PersonsController, RegisterController } from './register.controller';
import { RegisterImportService } from './register-import.service';
import { RegisterService } from './register.service';

/** The award register of record: persons, entries, imports, revocations, and the standards evaluated over them. */
@Module({
  imports: [AwardsModule, OrganizationsModule],
  controllers: [RegisterController, PersonsController, EligibleController],
  providers: [RegisterService, PersonsService, RegisterImportService, EligibilityService],
  exports: [RegisterService, PersonsService, EligibilityService],
})
export class RegisterModule {}
