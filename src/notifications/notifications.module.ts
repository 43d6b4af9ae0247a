import { type DynamicModule, Global, Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AudienceService } from './audience.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotifyHandler } from './notify.handler';
import { DeliveriesProcessor } from './deliveries.processor';
import { MailerService } from './mailer.service';
import { NotificationStream } from './notification-stream.service';
import { WebhookSender } from './webhook-sender.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Global()
@Module({})
export class NotificationsModule {
  /** The delivery processor exists only in processes that run the worker role. */
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      // The standing of a webhook's organisation decides what it may be sent.
      imports: [OrganizationsModule],
      controllers: [NotificationsController, WebhooksController],
      providers: [
        NotificationsService,
        AudienceService,
        NotifyHandler,
        MailerService,
        WebhookSender,
        WebhooksService,
        NotificationStream,
        ...(options.worker ? [DeliveriesProcessor] : []),
      ],
      exports: [NotificationsService, MailerService],
    };
  }
}
