import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NominationsModule } from '../nominations/nominations.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ExportService } from './export.service';
import { OfficialDocumentsService } from './official-documents.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [NominationsModule, OrganizationsModule, CalendarModule],
  controllers: [ReportsController],
  providers: [ReportsService, ExportService, OfficialDocumentsService],
  exports: [ReportsService, ExportService, OfficialDocumentsService],
})
export class ReportsModule {}
