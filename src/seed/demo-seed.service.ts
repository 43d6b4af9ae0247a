import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { referenceId } from '../../migrations/1764150000001-reference-data';
import type { Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { AppConfig } from '../config/config';
import { DocumentsService } from '../nominations/documents.service';
import { NominationsService } from '../nominations/nominations.service';
import { demoPdf } from './demo-pdf';

interface DemoUser {
  email: string;
  fullName: string;
  role: Role;
  org: string;
}

const PROVINCES: [code: string, slug: string, name: string][] = [
  ['PROVINCE-34', 'thaibinh', 'Thái Bình'],
  ['PROVINCE-27', 'bacninh', 'Bắc Ninh'],
  ['PROVINCE-30', 'haiduong', 'Hải Dương'],
  ['PROVINCE-36', 'namdinh', 'Nam Định'],
  ['PROVINCE-33', 'hungyen', 'Hưng Yên'],
  ['PROVINCE-22', 'quangninh', 'Quảng Ninh'],
  ['PROVINCE-37', 'ninhbinh', 'Ninh Bình'],
  ['PROVINCE-35', 'hanam', 'Hà Nam'],
  ['PROVINCE-26', 'vinhphuc', 'Vĩnh Phúc'],
];

export const DEMO_DOMAIN = 'demo.thidua.vn';

/** One user per role and organisation of the seed's story. */
export const DEMO_USERS: DemoUser[] = [
  { email: `admin@${DEMO_DOMAIN}`, fullName: 'Quản trị hệ thống', role: 'ADMIN', org: 'MOHA' },
  {
    email: `board@${DEMO_DOMAIN}`,
    fullName: 'Chuyên viên Ban TĐKT Trung ương',
    role: 'CENTRAL_APPRAISER',
    org: 'BOARD',
  },
  {
    email: `council.secretary@${DEMO_DOMAIN}`,
    fullName: 'Thư ký Hội đồng TĐKT Trung ương',
    role: 'COUNCIL_SECRETARY',
    org: 'COUNCIL',
  },
  {
    email: `council.member@${DEMO_DOMAIN}`,
    fullName: 'Ủy viên Hội đồng TĐKT Trung ương',
    role: 'COUNCIL_MEMBER',
    org: 'COUNCIL',
  },
  {
    email: `pm.office@${DEMO_DOMAIN}`,
    fullName: 'Chuyên viên Văn phòng Chính phủ',
    role: 'PM_OFFICE',
    org: 'GOVERNMENT_OFFICE',
  },
  {
    email: `president.office@${DEMO_DOMAIN}`,
    fullName: 'Chuyên viên Văn phòng Chủ tịch nước',
    role: 'PRESIDENT_OFFICE',
    org: 'PRESIDENT_OFFICE',
  },
  ...PROVINCES.flatMap(([code, slug, name]): DemoUser[] => [
    {
      email: `${slug}.officer@${DEMO_DOMAIN}`,
      fullName: `Cán bộ thi đua ${name}`,
      role: 'NOMINATOR',
      org: code,
    },
    { email: `${slug}.voter@${DEMO_DOMAIN}`, fullName: `Đại biểu ${name}`, role: 'CLUSTER_VOTER', org: code },
    {
      email: `${slug}.approver@${DEMO_DOMAIN}`,
      fullName: `Hội đồng TĐKT tỉnh ${name}`,
      role: 'PROVINCE_APPROVER',
      org: code,
    },
  ]),
  {
    email: `thaibinh.leader@${DEMO_DOMAIN}`,
    fullName: 'Cụm trưởng 2023 (Thái Bình)',
    role: 'CLUSTER_LEADER',
    org: 'PROVINCE-34',
  },
  {
    email: `namdinh.leader@${DEMO_DOMAIN}`,
    fullName: 'Cụm trưởng 2024 (Nam Định)',
    role: 'CLUSTER_LEADER',
    org: 'PROVINCE-36',
  },
  {
    email: `haiduong.leader@${DEMO_DOMAIN}`,
    fullName: 'Cụm phó 2024 (Hải Dương)',
    role: 'CLUSTER_LEADER',
    org: 'PROVINCE-30',
  },
];

const orgId = (code: string) => referenceId('org', code);
export const DEMO_CLUSTER_ID = orgId('CLUSTER-RRD');

/**
 * The demo of the embedded default: the people of the seed's story (passwords printed once, when they are
 * created) and the 2023 nominations of the Red River Delta cluster, submitted through the real services.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly nominations: NominationsService,
    private readonly documents: DocumentsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || !this.config.runsApi) return;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('thidua:demo-seed'))`);
      const created = await this.seedUsers();
      await this.seedNominations();
      if (created.length > 0) this.printPasswords(created);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('thidua:demo-seed'))`).catch(() => undefined);
      await runner.release();
    }
  }

  private async seedUsers(): Promise<{ email: string; role: Role; password: string }[]> {
    const created: { email: string; role: Role; password: string }[] = [];
    for (const u of DEMO_USERS) {
      if (await this.users.findByEmail(u.email)) continue;
      const { password } = await this.users.create(
        {
          email: u.email,
          fullName: u.fullName,
          role: u.role,
          organizationId: orgId(u.org),
          locale: 'vi',
          // The demo's passwords are printed for the people trying it, not handed to one person.
          mustChangePassword: false,
        },
        { system: 'demo-seed' },
      );
      created.push({ email: u.email, role: u.role, password });
    }
    return created;
  }

  private async principal(email: string): Promise<Principal> {
    const user = (await this.users.findByEmail(email))!;
    return {
      userId: user.id,
      email: user.email,
      role: user.role,
      organizationId: user.organizationId,
      locale: user.locale,
    };
  }

  private async seedNominations(): Promise<void> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM nominations`)) as {
      n: number;
    }[];
    if (n > 0) return;
    const story: [slug: string, code: string, award: string, summary: string][] = [
      [
        'namdinh',
        'PROVINCE-36',
        'GOVERNMENT_FLAG',
        'Dẫn đầu Cụm thi đua các tỉnh Đồng bằng sông Hồng năm 2023.',
      ],
      ['hungyen', 'PROVINCE-33', 'PM_CERTIFICATE', 'Hoàn thành xuất sắc nhiệm vụ năm 2023.'],
      ['quangninh', 'PROVINCE-22', 'PM_CERTIFICATE', 'Hoàn thành xuất sắc nhiệm vụ năm 2023.'],
    ];
    for (const [slug, code, award, summary] of story) {
      const officer = await this.principal(`${slug}.officer@${DEMO_DOMAIN}`);
      const { body } = await this.nominations.create(officer, {
        awardType: award,
        year: 2023,
        clusterId: DEMO_CLUSTER_ID,
        nominee: { kind: 'collective', organizationId: orgId(code) },
        summary,
      });
      for (const kind of ['proposal', 'achievementReport']) {
        await this.documents.upload(officer, body.id, kind, {
          fileName: `${kind}-${slug}-2023.pdf`,
          content: demoPdf(`${kind} ${slug} 2023`),
        });
      }
      await this.nominations.sendEvent(officer, body.id, { type: 'SUBMIT' }, {});
    }
    this.logger.log(
      { nominations: story.length },
      'seeded the demo nominations of the 2023 Red River Delta cluster',
    );
  }

  private printPasswords(created: { email: string; role: Role; password: string }[]): void {
    const width = Math.max(...created.map((c) => c.email.length));
    const lines = created.map((c) => `  ${c.email.padEnd(width)}  ${c.role.padEnd(18)}  ${c.password}`);
    process.stdout.write(
      `\n  Demo users (passwords are shown this once; they are stored only as argon2id hashes):\n\n${lines.join('\n')}\n\n`,
    );
  }
}
