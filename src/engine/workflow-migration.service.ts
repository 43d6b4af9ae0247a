import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findMigration, findWorkflow, stateKey, type Label } from '../../workflows';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/errors';
import type { Actor } from './actor';
import { hashEntry, type ChainedEntry } from './history-chain';

export interface MigrationReport {
  machineId: string;
  from: number;
  to: number;
  dryRun: boolean;
  moved: { id: string; state: string }[];
  left: { id: string; state: string; reason: Label }[];
}

const MigrationErrors = {
  unknown: (machineId: string, from: number, to: number) =>
    new DomainError(
      'not_found',
      'WORKFLOW.NO_MIGRATION',
      `No migration from ${machineId}@${from} to ${machineId}@${to}`,
    ),
};

/**
 * Moves running instances from one version of a machine to the next, by the tested migration between them: each
 * instance that may move gets the new version, its snapshot checked against the new machine, and a `MIGRATED`
 * history row in its chain; the others stay, with the reason. Finished instances are history and never move.
 */
@Injectable()
export class WorkflowMigrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async migrate(
    input: { machineId: string; from: number; to: number; dryRun: boolean },
    by: Principal | { system: 'cli' },
  ): Promise<MigrationReport> {
    const migration = findMigration(input.machineId, input.from, input.to);
    const target = findWorkflow(input.machineId, input.to);
    if (!migration || !target || !findWorkflow(input.machineId, input.from))
      throw MigrationErrors.unknown(input.machineId, input.from, input.to);
    return this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `SELECT id, state, snapshot, version, head_hash FROM workflow_instances
          WHERE machine_id = $1 AND machine_version = $2 AND snapshot->>'status' = 'active'
          ORDER BY id FOR UPDATE`,
        [input.machineId, input.from],
      )) as {
        id: string;
        state: string;
        snapshot: { value: unknown; context: Record<string, unknown>; status: string };
        version: number;
        head_hash: string;
      }[];
      const report: MigrationReport = { ...input, moved: [], left: [] };
      const actor: Actor =
        'system' in by
          ? { kind: 'system', id: 'system:migrate-workflows' }
          : { kind: 'user', id: by.userId, role: by.role, organizationId: by.organizationId };
      for (const row of rows) {
        const plan = migration.plan(row.state, row.snapshot.context);
        if (!plan.move) {
          report.left.push({ id: row.id, state: row.state, reason: plan.reason });
          continue;
        }
        // The snapshot must name a state of the new machine (XState would accept a missing one and fail later).
        const resolved = target.machine.resolveState({
          value: row.snapshot.value as never,
          context: plan.context as never,
        });
        if (stateKey(resolved.value) !== row.state) {
          report.left.push({
            id: row.id,
            state: row.state,
            reason: {
              vi: 'Trạng thái không có trong phiên bản mới',
              en: 'The state does not exist in the new version',
            },
          });
          continue;
        }
        report.moved.push({ id: row.id, state: row.state });
        if (!input.dryRun) await this.move(tx, row, plan.context, input, actor);
      }
      if (!input.dryRun && report.moved.length > 0)
        await this.audit.record(tx, {
          actor: by,
          action: 'workflow.migrate',
          targetType: 'workflow',
          targetId: `${input.machineId}@${input.from}->${input.to}`,
          after: { moved: report.moved.length, left: report.left.length },
        });
      return report;
    });
  }

  private async move(
    tx: EntityManager,
    row: {
      id: string;
      state: string;
      snapshot: { value: unknown; status: string };
      version: number;
      head_hash: string;
    },
    context: Record<string, unknown>,
    input: { machineId: string; from: number; to: number },
    actor: Actor,
  ): Promise<void> {
    const now = new Date();
    const entry: ChainedEntry = {
      instanceId: row.id,
      seq: row.version + 1,
      machineVersion: input.to,
      eventType: 'MIGRATED',
      event: { type: 'MIGRATED', fromVersion: input.from, toVersion: input.to },
      fromState: row.state,
      toState: row.state,
      actor: { ...actor },
      createdAt: now,
      prevHash: row.head_hash,
    };
    const hash = hashEntry(entry);
    await tx.query(
      `WITH u AS (
         UPDATE workflow_instances SET machine_version = $2, snapshot = $3, version = $4, head_hash = $5, updated_at = $6 WHERE id = $1
       )
       INSERT INTO workflow_history (instance_id, seq, machine_version, event_type, event, from_state, to_state, actor, created_at, prev_hash, hash)
       VALUES ($1, $4, $2, 'MIGRATED', $7, $8, $8, $9, $6, $10, $5)`,
      [
        row.id,
        input.to,
        { value: row.snapshot.value, context, status: row.snapshot.status },
        entry.seq,
        hash,
        now,
        entry.event,
        row.state,
        entry.actor,
        row.head_hash,
      ],
    );
  }
}
