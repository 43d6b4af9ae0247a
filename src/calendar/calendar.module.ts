import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarReminders } from './calendar-reminders.service';
import { CalendarService } from './calendar.service';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarReminders],
  exports: [CalendarService],
})
export class CalendarModule {}
