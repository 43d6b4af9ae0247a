import { Global, Module } from '@nestjs/common';
import { NominationsModule } from '../nominations/nominations.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { GeneratedDocumentsController } from './generated-documents.controller';
import { DocumentRegister } from './document-register.service';
import { GeneratedDocumentsService } from './generated-documents.service';

@Global()
@Module({
  imports: [NominationsModule, OrganizationsModule],
  controllers: [GeneratedDocumentsController],
  providers: [GeneratedDocumentsService, DocumentRegister],
  exports: [GeneratedDocumentsService, DocumentRegister],
})
export class DocumentsModule {}
