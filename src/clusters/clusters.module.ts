import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ClusterLeadershipService } from './cluster-leadership.service';
import { ClustersController } from './clusters.controller';
import { ClustersService } from './clusters.service';

@Module({
  imports: [OrganizationsModule],
  controllers: [ClustersController],
  providers: [ClustersService, ClusterLeadershipService],
  exports: [ClustersService, ClusterLeadershipService],
})
export class ClustersModule {}
