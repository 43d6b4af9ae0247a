import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'workflow_instances' })
@Index('workflow_instances_machine_state', ['machineId', 'state'])
export class WorkflowInstanceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'machine_id', type: 'varchar', length: 64 })
  machineId!: string;

  @Column({ name: 'machine_version', type: 'int' })
  machineVersion!: number;

  @Column({ type: 'varchar', length: 128 })
  state!: string;

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'head_hash', type: 'char', length: 64 })
  headHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
