import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import type { LookupFunction } from 'node:net';
import http from 'node:http';
import https from 'node:https';
import { AppConfig } from '../config/config';
import { type CheckedTarget, checkTarget, type Resolver, systemResolver } from './network-guard';

export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** Replaces the system's resolver (tests resolve names to addresses of their choosing). */
export const WEBHOOK_RESOLVER = Symbol('WEBHOOK_RESOLVER');

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: receivers recompute it and reject stale timestamps. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * A `lookup` for the request's socket that answers with the addresses already resolved and checked, so that the
 * connection goes to one of them: letting the client resolve the name again would let a DNS answer that changed
 * in between (rebinding) point the request at a private address.
 */
function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : 0;
    const candidates = target.addresses.filter((a) => family === 0 || a.family === family);
    if (candidates.length === 0) {
      callback(Object.assign(new Error(`no IPv${family} address`), { code: 'ENOTFOUND' }), '', 0);
    } else if (options.all) {
      callback(null, candidates);
    } else {
      callback(null, candidates[0].address, candidates[0].family);
    }
  };
}

/**
 * POSTs a signed JSON body; a non-2xx answer, a timeout or a refused target is a failure to retry. The target is
 * resolved once, every address checked, the connection pinned to those addresses, and the address actually
 * connected to checked again before anything is sent.
 */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly config: AppConfig,
    @Optional() @Inject(WEBHOOK_RESOLVER) private readonly resolve: Resolver = systemResolver,
  ) {}

  async send(target: { url: string; secret: string }, deliveryId: string, payload: unknown): Promise<number> {
    // Checked again at delivery: a name may resolve elsewhere than when it was registered.
    const checked = await checkTarget(target.url, this.config.env.WEBHOOK_ALLOWED_HOSTS, this.resolve);
    if ('problem' in checked) throw new DeliveryFailure(`target refused: ${checked.problem}`, null);
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const signal = AbortSignal.timeout(this.config.env.WEBHOOK_TIMEOUT_MS);
    try {
      return await this.post(checked, body, signal, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'thidua-webhooks/1',
        'x-thidua-delivery': deliveryId,
        'x-thidua-signature': signature(target.secret, timestamp, body),
      });
    } catch (error) {
      if (error instanceof DeliveryFailure) throw error;
      const e = error as Error;
      throw new DeliveryFailure(
        signal.aborted ? 'timed out' : `request failed: ${e.message || e.name}`,
        null,
      );
    }
  }

  private post(
    target: CheckedTarget,
    body: string,
    signal: AbortSignal,
    headers: Record<string, string>,
  ): Promise<number> {
    const client = target.url.protocol === 'https:' ? https : http;
    return new Promise<number>((resolve, reject) => {
      const request = client.request(target.url, {
        method: 'POST',
        headers,
        signal,
        // A fresh connection per delivery (no pooled socket of another resolution); redirects are not followed.
        agent: false,
        lookup: pinnedLookup(target),
      });
      request.on('socket', (socket) => {
        socket.once('connect', () => {
          const address = socket.remoteAddress ?? '';
          if (!target.mayConnect(address)) {
            request.destroy(
              new DeliveryFailure(
                `target refused: connected to a private or loopback address (${address})`,
                null,
              ),
            );
          }
        });
      });
      request.on('error', reject);
      request.on('response', (response) => {
        response.on('error', reject);
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) reject(new DeliveryFailure(`answered ${status}`, status));
          else resolve(status);
        });
      });
      request.end(body);
    });
  }
}
