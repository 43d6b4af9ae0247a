import { CalendarDayEntity } from '../calendar/holiday.entity';
import { IdempotencyKeyEntity } from '../engine/idempotency-key.entity';
import { WorkflowHistoryEntity } from '../engine/workflow-history.entity';
import { WorkflowInstanceEntity } from '../engine/workflow-instance.entity';
import { WorkflowOutboxEntity } from '../engine/workflow-outbox.entity';
import { WorkflowTimerEntity } from '../engine/workflow-timer.entity';

/** Every entity: the DataSource of the app and of the migration CLI use the same list. */
export const ENTITIES = [
  WorkflowInstanceEntity,
  WorkflowHistoryEntity,
  WorkflowOutboxEntity,
  WorkflowTimerEntity,
  IdempotencyKeyEntity,
  CalendarDayEntity,
];
