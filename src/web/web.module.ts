import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { CalendarModule } from '../calendar/calendar.module';
import { ClustersModule } from '../clusters/clusters.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NominationsModule } from '../nominations/nominations.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RegisterModule } from '../register/register.module';
import { ReportsModule } from '../reports/reports.module';
import { VotingModule } from '../voting/voting.module';
import { AccountPagesController, PasswordResetPagesController } from './account-pages.controller';
import { AdminPagesController } from './admin-pages.controller';
import { AdminPagesService } from './admin-pages.service';
import { AssetsController, FaviconController } from './assets.controller';
import { AuthPagesController } from './auth-pages.controller';
import { CalendarPagesController } from './calendar-pages.controller';
import { ClusterPagesController } from './cluster-pages.controller';
import { ClusterPagesService } from './cluster-pages.service';
import { DecisionsModule } from '../decisions/decisions.module';
import { DashboardController } from './dashboard.controller';
import { CouncilPagesController } from './council-pages.controller';
import { DecisionPagesController } from './decision-pages.controller';
import { DASHBOARD_SOURCE, ReportsDashboardSource } from './dashboard-source';
import { HomeController } from './home.controller';
import { MyWorkService } from './my-work.service';
import { NominationPagesController } from './nomination-pages.controller';
import { NominationPagesService } from './nomination-pages.service';
import { RegisterPagesController } from './register-pages.controller';
import { VotingPagesController } from './voting-pages.controller';
import { VotingPagesService } from './voting-pages.service';
import { WebExceptionFilter } from './web-exception.filter';
import { WebSessionGuard } from './web-session.guard';
import { WebSessionService } from './web-session.service';

/**
 * The web interface: server-rendered pages under /app for the three user groups, calling the same services as
 * the API (every rule, scope and access check stays in them).
 */
@Module({
  imports: [
    OrganizationsModule,
    AwardsModule,
    NominationsModule,
    VotingModule,
    ClustersModule,
    ReportsModule,
    CalendarModule,
    RegisterModule,
    MeetingsModule,
    DecisionsModule,
  ],
  controllers: [
    AssetsController,
    FaviconController,
    CalendarPagesController,
    AuthPagesController,
    PasswordResetPagesController,
    AccountPagesController,
    HomeController,
    NominationPagesController,
    VotingPagesController,
    ClusterPagesController,
    DashboardController,
    AdminPagesController,
    RegisterPagesController,
    DecisionPagesController,
    CouncilPagesController,
  ],
  providers: [
    WebSessionService,
    WebSessionGuard,
    WebExceptionFilter,
    MyWorkService,
    NominationPagesService,
    VotingPagesService,
    ClusterPagesService,
    AdminPagesService,
    // The seam for src/reports: replace with ReportsService's summary when it lands on main.
    { provide: DASHBOARD_SOURCE, useClass: ReportsDashboardSource },
  ],
})
export class WebModule {}
