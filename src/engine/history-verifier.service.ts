import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChainProblem } from './history-chain';
import { WorkflowEngine } from './workflow-engine.service';

export interface VerificationReport {
  instances: number;
  valid: number;
  invalid: { instanceId: string; machineId: string; problems: ChainProblem[] }[];
}

/** Recomputes the hash chains of many instances, a page at a time (for the CLI and the admin API). */
@Injectable()
export class HistoryVerifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
  ) {}

  async verifyAll(
    filter: { machineId?: string; ids?: string[] } = {},
    pageSize = 500,
  ): Promise<VerificationReport> {
    const report: VerificationReport = { instances: 0, valid: 0, invalid: [] };
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = (await this.dataSource.query(
        `SELECT id, machine_id FROM workflow_instances
          WHERE id > $1 AND ($2::text IS NULL OR machine_id = $2) AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
          ORDER BY id LIMIT $4`,
        [after, filter.machineId ?? null, filter.ids ?? null, pageSize],
      )) as { id: string; machine_id: string }[];
      for (const row of rows) {
        const verdict = await this.engine.verify(row.id);
        report.instances++;
        if (verdict.valid) report.valid++;
        else
          report.invalid.push({ instanceId: row.id, machineId: row.machine_id, problems: verdict.problems });
      }
      if (rows.length < pageSize) return report;
      after = rows[rows.length - 1].id;
    }
  }
}
