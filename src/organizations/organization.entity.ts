import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export const ORGANIZATION_KINDS = [
  'province',
  'ministry',
  'department',
  'cluster',
  'block',
  'board',
  'council',
  'government_office',
  'president_office',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** The kinds of organisation in the words of the administration. */
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh, thành phố trực thuộc Trung ương', en: 'Province or centrally-run city' },
  ministry: { vi: 'Bộ, ban, ngành Trung ương', en: 'Ministry or central agency' },
  department: { vi: 'Sở, ngành, đơn vị trực thuộc', en: 'Department or subordinate unit' },
  cluster: { vi: 'Cụm thi đua', en: 'Emulation cluster' },
  block: { vi: 'Khối thi đua', en: 'Emulation block' },
  board: { vi: 'Ban Thi đua – Khen thưởng', en: 'Emulation and Commendation Board' },
  council: { vi: 'Hội đồng Thi đua – Khen thưởng', en: 'Emulation and Commendation Council' },
  government_office: { vi: 'Văn phòng Chính phủ', en: 'Government Office' },
  president_office: { vi: 'Văn phòng Chủ tịch nước', en: 'Office of the President' },
};

/**
 * A province, ministry, emulation cluster or block, or a central body. Never deleted: a merged organisation
 * gets an end date and a successor, and its history stays attributed to it.
 */
@Entity({ name: 'organizations' })
@Index('organizations_successor', ['successorId'])
@Index('organizations_parent', ['parentId'])
export class OrganizationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: OrganizationKind;

  @Column({ name: 'name_vi', type: 'varchar', length: 200 })
  nameVi!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn!: string;

  /** The pre-2025 statistical province code (e.g. 36 for Nam Định), where there is one. */
  @Column({ name: 'province_code', type: 'int', nullable: true })
  provinceCode!: number | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrganizationEntity;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'successor_id' })
  successor?: OrganizationEntity;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
