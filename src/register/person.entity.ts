import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An individual nominee: found again on the next nomination and in imports, so that their register follows
 * them when they change organisation. A duplicate merged by an administrator keeps its row (`merged_into_id`)
 * and its entries count for the person it was merged into.
 */
@Entity({ name: 'persons' })
export class PersonEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'full_name', type: 'varchar', length: 200 }) fullName!: string;
  /** The name folded (lower case, no diacritics) for matching. */
  @Column({ name: 'name_key', type: 'varchar', length: 200 }) nameKey!: string;
  @Column({ type: 'varchar', length: 8, nullable: true }) gender!: 'female' | 'male' | null;
  @Column({ name: 'birth_date', type: 'date', nullable: true }) birthDate!: string | null;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) position!: string | null;
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true }) mergedIntoId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
