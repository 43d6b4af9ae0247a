import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AwardRoute = 'cluster' | 'direct' | 'provincial' | 'presidential';

/** An entry of the award catalogue (a catalogue, not code: new awards are rows). */
@Entity({ name: 'award_types' })
export class AwardTypeEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ name: 'name_vi', type: 'varchar', length: 200 })
  nameVi!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn!: string;

  @Column({ name: 'nominee_kinds', type: 'text', array: true })
  nomineeKinds!: ('collective' | 'individual')[];

  @Column({ name: 'decided_by', type: 'varchar', length: 40 })
  decidedBy!: 'prime_minister' | 'provincial_chairman' | 'president' | 'minister' | 'unit_head';

  /**
   * cluster: province → cluster vote → Board → Council → PM; direct: province → Board → …; provincial: unit →
   * province; presidential: province → Board → Council → the PM proposes → the President decides.
   */
  @Column({ type: 'varchar', length: 16 })
  route!: AwardRoute;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder!: number;
}
