import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';

const EVERY_MS = 60_000;

/**
 * Vacuums the sealed ballots of closed rounds soon after their close (worker role): their dead tuples are
 * ciphertexts, but a superuser who also held the ballot secret could read them until vacuum.
 */
@Injectable()
export class SealedBallotsJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SealedBallotsJanitor.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsWorker) return;
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /**
   * Vacuums the sealed ballots (only those of open rounds: small, quick to vacuum), and the published ballots and
   * receipts, whose dead versions are what a round's rewrite left behind.
   */
  async sweep(): Promise<boolean> {
    try {
      await this.dataSource.query(`VACUUM voting_sealed_ballots, voting_ballots, voting_receipts`);
      return true;
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'could not vacuum the sealed ballots');
      return false;
    }
  }
}
