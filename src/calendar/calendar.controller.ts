import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { CalendarService } from './calendar.service';
import { DomainError } from '../common/errors';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

class WorkingDaysQuery {
  @ApiProperty({ example: '2026-02-12' })
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from!: string;

  @ApiProperty({ example: 10 })
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(366)
  days!: number;
}

class DaysQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

class CalendarDayDto {
  @ApiProperty({ enum: ['day_off', 'working_day'] }) @IsIn(['day_off', 'working_day']) kind!:
    'day_off' | 'working_day';
  @ApiProperty({ example: 'Tết Nguyên đán' }) @IsString() @Length(1, 200) nameVi!: string;
  @ApiProperty({ example: 'Lunar New Year' }) @IsString() @Length(1, 200) nameEn!: string;
  @ApiProperty({ example: 'Thông báo 6150/TB-LĐTBXH' }) @IsString() @Length(1, 300) source!: string;
}

const validDate = (value: string): string => {
  if (
    !DATE.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new DomainError('invalid', 'CALENDAR.INVALID_DATE', `${value} is not a date (YYYY-MM-DD)`);
  }
  return value;
};

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days')
  @ApiOperation({
    summary: 'The date N working days after a date (weekends and Vietnamese public holidays skipped)',
  })
  workingDays(@Query() query: WorkingDaysQuery) {
    return this.calendar.explain(validDate(query.from), query.days);
  }

  @Get('days')
  @ApiOperation({ summary: 'The official days off and working weekend days' })
  days(@Query() query: DaysQuery) {
    return this.calendar.list(query.year);
  }

  @Put('days/:date')
  @Roles('ADMIN')
  @ApiOperation({ summary: "Add or correct a day of the year's official schedule" })
  setDay(@CurrentUser() user: Principal, @Param('date') date: string, @Body() body: CalendarDayDto) {
    return this.calendar.setDay(user, validDate(date), body);
  }
}
