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

  /** Vacuums the table (it holds only the ballots of open rounds: small, and quick to vacuum). */
  async sweep(): Promise<boolean> {
    try {
      await this.dataSource.query(`VACUUM voting_sealed_ballots`);
      return true;
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'could not vacuum the sealed ballots');
      return false;
    }
  }
}
