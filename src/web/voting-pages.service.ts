import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AwardsService } from '../awards/awards.service';
import { NominationsService } from '../nominations/nominations.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService } from '../organizations/standing.service';
import { MeetingsService } from '../meetings/meetings.service';
import { VotingService } from '../voting/voting.service';

export type SessionView = Awaited<ReturnType<VotingService['view']>>;

/** What the voting pages show, from VotingService (which keeps the ballot secret and checks who may see what). */
@Injectable()
export class VotingPagesService {
  constructor(
    private readonly voting: VotingService,
    private readonly nominations: NominationsService,
    private readonly awards: AwardsService,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
    private readonly meetings: MeetingsService,
  ) {}

  async awardNames(): Promise<Map<string, { nameVi: string; nameEn: string }>> {
    return new Map((await this.awards.list()).map((a) => [a.code, a]));
  }

  async list(principal: Principal) {
    const [sessions, standing] = await Promise.all([
      this.voting.list(principal, {}),
      this.standings.of(principal),
    ]);
    const led = principal.role === 'CLUSTER_LEADER' ? standing.ledClusterYears : [];
    const clusters = await this.organizations.views(led.map((l) => l.clusterId));
    return {
      sessions,
      canCreate: led
        .map((l) => ({ ...l, cluster: clusters.get(l.clusterId)! }))
        .sort((a, b) => b.year - a.year),
    };
  }

  async session(principal: Principal, id: string) {
    const [session, awards] = await Promise.all([this.voting.view(principal, id), this.awardNames()]);
    return { session, awards };
  }

  /** The accepted nominations of a cluster-year, by award: the candidates a leader may put to the vote. */
  async candidates(principal: Principal, clusterId: string, year: number) {
    const [accepted, awards, cluster, meetings, members] = await Promise.all([
      this.nominations.list(principal, { clusterId, year, state: 'accepted', limit: 100 }),
      this.awardNames(),
      this.organizations.view(clusterId),
      this.meetings.list(principal, { organizationId: clusterId, year }),
      this.organizations.membership(clusterId, year),
    ]);
    const memberNames = await this.organizations.views(members.map((m) => m.organizationId));
    const byAward = new Map<string, typeof accepted.items>();
    for (const n of accepted.items)
      byAward.set(n.awardType.code, [...(byAward.get(n.awardType.code) ?? []), n]);
    return {
      cluster,
      year,
      meetings: meetings.filter((m) => m.kind === 'clusterConference'),
      members: members
        .map((m) => memberNames.get(m.organizationId)!)
        .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi')),
      groups: [...byAward.entries()].map(([code, items]) => ({ code, award: awards.get(code)!, items })),
    };
  }
}
