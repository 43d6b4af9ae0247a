import { Module } from '@nestjs/common';
import { NominationsModule } from '../nominations/nominations.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [NominationsModule], providers: [DemoSeedService] })
export class SeedModule {}
