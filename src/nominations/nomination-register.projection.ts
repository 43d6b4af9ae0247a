import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkflowEngine, type HistoryView, type InstanceView } from '../engine/workflow-engine.service';
import { DECIDING_BODY, RegisterService } from '../register/register.service';

/**
 * thidua is the register of record: a nomination decided `awarded` becomes a register entry in the transaction
 * of the decision, whoever recorded it (the Government Office, the Office of the President, the province).
 */
@Injectable()
export class NominationRegisterProjection implements OnModuleInit {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly register: RegisterService,
  ) {}

  onModuleInit(): void {
    for (const machine of ['nomination', 'provincialAward'])
      this.engine.project(machine, (tx, step) => this.record(tx, step.instance, step.history));
  }

  private async record(tx: EntityManager, instance: InstanceView, history: HistoryView): Promise<void> {
    if (instance.state !== 'awarded' || history.fromState === 'awarded') return;
    const decision = instance.context.decision as {
      decisionNumber: string;
      decisionDate: string;
      by?: string;
    } | null;
    if (!decision) return;
    const [n] = (await tx.query(
      `SELECT n.award_type, n.year, n.nominee_kind, n.nominee_org_id, n.nominee_person_id, t.decided_by
         FROM nominations n JOIN award_types t ON t.code = n.award_type WHERE n.id = $1`,
      [instance.id],
    )) as {
      award_type: string;
      year: number;
      nominee_kind: 'individual' | 'collective';
      nominee_org_id: string;
      nominee_person_id: string | null;
      decided_by: string;
    }[];
    // An individual nomination from before persons existed has no person to hold the entry.
    if (!n || (n.nominee_kind === 'individual' && !n.nominee_person_id)) return;
    await this.register.insert(tx, {
      subjectKind: n.nominee_kind,
      personId: n.nominee_person_id,
      organizationId: n.nominee_org_id,
      category: 'award',
      code: n.award_type,
      year: n.year,
      decidingBody: DECIDING_BODY[n.decided_by] ?? n.decided_by,
      decisionNumber: decision.decisionNumber,
      decisionDate: decision.decisionDate,
      source: 'thidua',
      nominationId: instance.id,
      createdBy: history.actor.kind === 'user' ? history.actor.id : null,
    });
  }
}
