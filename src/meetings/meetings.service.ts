import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { isCentral } from '../auth/roles';
import { isCalendarDate } from '../calendar/calendar-date';
import { localDate } from '../calendar/working-days';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService, type Standing } from '../organizations/standing.service';
import { type Attendee, MeetingEntity } from './meeting.entity';
import type { CreateMeetingDto, ListMeetingsQuery } from './meetings.dto';
import { MeetingErrors } from './meetings.errors';

export interface MeetingView {
  id: string;
  kind: MeetingEntity['kind'];
  organization: { id: string; nameVi: string; nameEn: string };
  year: number;
  heldOn: string;
  startsAt: string | null;
  place: string;
  venue: string | null;
  chair: { name: string; function: string };
  secretary: { name: string; function: string };
  present: Attendee[];
  absent: Attendee[];
  createdAt: string;
}

const CLUSTER_KINDS = ['cluster', 'block'];

/**
 * Meetings as records: a cluster's conference, recorded by its leadership of the year, and a session of the
 * Council, recorded by its secretary. A meeting is recorded once it has been held (its date is not in the future);
 * what it decides takes its date and place.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
    private readonly audit: AuditService,
  ) {}

  private organizes(standing: Standing, m: { kind: string; organizationId: string; year: number }): boolean {
    if (!standing.orgActive) return false;
    if (m.kind === 'councilSession') return standing.role === 'COUNCIL_SECRETARY';
    return (
      standing.role === 'CLUSTER_LEADER' &&
      standing.ledClusterYears.some((l) => l.clusterId === m.organizationId && l.year === m.year)
    );
  }

  private sees(standing: Standing, m: MeetingEntity): boolean {
    if (isCentral(standing.role)) return true;
    if (m.kind === 'councilSession') return false;
    return (
      standing.ledClusterYears.some((l) => l.clusterId === m.organizationId && l.year === m.year) ||
      standing.memberships.some((l) => l.clusterId === m.organizationId && l.year === m.year)
    );
  }

  async create(principal: Principal, dto: CreateMeetingDto): Promise<MeetingView> {
    const standing = await this.standings.of(principal);
    if (!this.organizes(standing, dto)) throw MeetingErrors.notOrganizer();
    if (!isCalendarDate(dto.heldOn)) throw MeetingErrors.invalid('heldOn is not a date', 'heldOn');
    if (dto.heldOn > localDate(new Date())) throw MeetingErrors.dateInFuture(dto.heldOn);
    const heldYear = Number(dto.heldOn.slice(0, 4));
    if (heldYear < dto.year || heldYear > dto.year + 1)
      throw MeetingErrors.invalid('A meeting about a year is held in that year or the next', 'heldOn');
    return this.dataSource.transaction(async (tx) => {
      const organization = await this.organizations.get(dto.organizationId, tx);
      const expected = dto.kind === 'councilSession' ? ['council'] : CLUSTER_KINDS;
      if (!expected.includes(organization.kind))
        throw MeetingErrors.invalid(`A ${dto.kind} is held by a ${expected.join(' or ')}`, 'organizationId');
      let present: Attendee[];
      let absent: Attendee[];
      if (dto.kind === 'clusterConference') {
        if (dto.presentMembers || dto.absentMembers)
          throw MeetingErrors.invalid(
            "A conference's attendance is its member organisations",
            'presentMembers',
          );
        const members = await this.organizations.membership(dto.organizationId, dto.year, tx);
        const memberIds = members.map((m) => m.organizationId);
        const presentIds = dto.presentOrganizationIds ?? memberIds;
        const strangers = presentIds.filter((id) => !memberIds.includes(id));
        if (strangers.length > 0)
          throw MeetingErrors.invalid(
            'Only members of the cluster that year attend',
            'presentOrganizationIds',
          );
        const names = await this.organizations.views(memberIds, tx);
        const attendee = (id: string): Attendee => ({
          organizationId: id,
          name: names.get(id)?.nameVi ?? id,
        });
        const byName = (a: Attendee, b: Attendee) => a.name.localeCompare(b.name, 'vi');
        present = [...new Set(presentIds)].map(attendee).sort(byName);
        absent = memberIds
          .filter((id) => !presentIds.includes(id))
          .map(attendee)
          .sort(byName);
      } else {
        if (dto.presentOrganizationIds)
          throw MeetingErrors.invalid(
            "A Council session's attendance is its members by name",
            'presentOrganizationIds',
          );
        present = (dto.presentMembers ?? []).map((name) => ({ name: name.trim() }));
        absent = (dto.absentMembers ?? []).map((name) => ({ name: name.trim() }));
      }
      const meeting: MeetingEntity = {
        id: randomUUID(),
        kind: dto.kind,
        organizationId: dto.organizationId,
        year: dto.year,
        heldOn: dto.heldOn,
        startsAt: dto.startsAt ?? null,
        place: dto.place.trim(),
        venue: dto.venue?.trim() ?? null,
        chair: { name: dto.chair.name.trim(), function: dto.chair.function.trim() },
        secretary: { name: dto.secretary.name.trim(), function: dto.secretary.function.trim() },
        present,
        absent,
        createdBy: principal.userId,
        createdAt: new Date(),
      };
      await tx.getRepository(MeetingEntity).insert(meeting);
      await this.audit.record(tx, {
        actor: principal,
        action: 'meeting.record',
        targetType: 'meeting',
        targetId: meeting.id,
        after: {
          kind: meeting.kind,
          organizationId: meeting.organizationId,
          year: meeting.year,
          heldOn: meeting.heldOn,
        },
      });
      return this.view(meeting, tx);
    });
  }

  async get(principal: Principal, id: string): Promise<MeetingView> {
    const meeting = await this.dataSource.getRepository(MeetingEntity).findOneBy({ id });
    const standing = await this.standings.of(principal);
    if (!meeting || !this.sees(standing, meeting)) throw MeetingErrors.notFound(id);
    return this.view(meeting);
  }

  async list(principal: Principal, query: ListMeetingsQuery): Promise<MeetingView[]> {
    const standing = await this.standings.of(principal);
    const qb = this.dataSource.getRepository(MeetingEntity).createQueryBuilder('m');
    if (query.organizationId) qb.andWhere('m.organization_id = :o', { o: query.organizationId });
    if (query.year) qb.andWhere('m.year = :y', { y: query.year });
    const rows = await qb
      .orderBy('m.held_on', 'DESC')
      .addOrderBy('m.created_at', 'DESC')
      .limit(200)
      .getMany();
    return Promise.all(rows.filter((m) => this.sees(standing, m)).map((m) => this.view(m)));
  }

  /** The meeting a record belongs to, read in the caller's transaction (for the voting sessions and decisions). */
  async find(tx: EntityManager, id: string): Promise<MeetingEntity | null> {
    return tx.getRepository(MeetingEntity).findOneBy({ id });
  }

  async view(m: MeetingEntity, tx?: EntityManager): Promise<MeetingView> {
    const org = (await this.organizations.views([m.organizationId], tx)).get(m.organizationId);
    return {
      id: m.id,
      kind: m.kind,
      organization: { id: m.organizationId, nameVi: org?.nameVi ?? '', nameEn: org?.nameEn ?? '' },
      year: m.year,
      heldOn: m.heldOn,
      startsAt: m.startsAt,
      place: m.place,
      venue: m.venue,
      chair: m.chair,
      secretary: m.secretary,
      present: m.present,
      absent: m.absent,
      createdAt: new Date(m.createdAt).toISOString(),
    };
  }
}
