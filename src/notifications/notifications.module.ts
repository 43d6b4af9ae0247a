import { Global, Module } from '@nestjs/common';
import { AudienceService } from './audience.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotifyHandler } from './notify.handler';

@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, AudienceService, NotifyHandler],
  exports: [NotificationsService],
})
export class NotificationsModule {}
