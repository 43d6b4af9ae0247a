import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig } from '../config/config';
import { webhookTargetProblem } from './network-guard';

export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: receivers recompute it and reject stale timestamps. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** POSTs a signed JSON body; a non-2xx answer, a timeout or a refused target is a failure to retry. */
@Injectable()
export class WebhookSender {
  constructor(private readonly config: AppConfig) {}

  async send(target: { url: string; secret: string }, deliveryId: string, payload: unknown): Promise<number> {
    // Checked again at delivery: a name may resolve elsewhere than when it was registered.
    const problem = await webhookTargetProblem(target.url, this.config.env.WEBHOOK_ALLOWED_HOSTS);
    if (problem) throw new DeliveryFailure(`target refused: ${problem}`, null);
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.env.WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'thidua-webhooks/1',
          'x-thidua-delivery': deliveryId,
          'x-thidua-signature': signature(target.secret, timestamp, body),
        },
        body,
      });
    } catch (error) {
      const e = error as Error;
      throw new DeliveryFailure(
        e.name === 'TimeoutError' ? 'timed out' : `request failed: ${e.message}`,
        null,
      );
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status >= 300)
      throw new DeliveryFailure(`answered ${response.status}`, response.status);
    return response.status;
  }
}
