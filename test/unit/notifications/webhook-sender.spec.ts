import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig, loadEnv } from '../../../src/config/config';
import { isPrivateAddress, type Resolver } from '../../../src/notifications/network-guard';
import { DeliveryFailure, WebhookSender } from '../../../src/notifications/webhook-sender.service';

/** A name that no real DNS answers (.test is reserved): only the resolver under test can give it an address. */
const HOST = 'hooks.example.test';

const sender = (resolve: Resolver, allowList = '') =>
  new WebhookSender(
    new AppConfig(
      loadEnv({
        JWT_SECRET: 'unit-secret-unit-secret-unit-secret-0123',
        WEBHOOK_ALLOWED_HOSTS: allowList,
        WEBHOOK_TIMEOUT_MS: '500',
      }),
      'postgres://x@y/z',
      false,
    ),
    resolve,
  );

/** A resolver that answers each call with the next of `answers` (the last one again when they run out). */
function scripted(...answers: string[][]): Resolver & { calls: number } {
  const resolve = Object.assign(
    async (host: string) => {
      expect(host).toBe(HOST);
      const answer = answers[Math.min(resolve.calls, answers.length - 1)];
      resolve.calls++;
      return answer.map((address) => ({
        address,
        family: address.includes(':') ? (6 as const) : (4 as const),
      }));
    },
    { calls: 0 },
  );
  return resolve;
}

describe('webhook delivery connects only to the addresses it checked (no DNS rebinding)', () => {
  let server: Server;
  let port: number;
  const calls: { host: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        calls.push({ host: req.headers.host, body });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(() => r(undefined)));
  });
  beforeEach(() => {
    calls.length = 0;
  });

  const target = () => ({ url: `http://${HOST}:${port}/hook`, secret: 'secret-secret-secret' });

  it('refuses a name that resolves to a public address and a private one, and sends nothing', async () => {
    const resolve = scripted(['203.0.113.7', '127.0.0.1']);
    const failure = await sender(resolve)
      .send(target(), 'd1', { event: 'x' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect((failure as DeliveryFailure).message).toMatch(
      /target refused: .*private or loopback address \(127\.0\.0\.1\)/,
    );
    expect(calls).toEqual([]);
    expect(resolve.calls).toBe(1);
  });

  it('does not resolve the name a second time: a rebinding to a private address is never connected to', async () => {
    // The first answer is public; any later one would point at the receiver on the loopback address.
    const resolve = scripted(['198.51.100.7'], ['127.0.0.1']);
    const failure = await sender(resolve)
      .send(target(), 'd2', { event: 'x' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect(calls).toEqual([]);
    expect(resolve.calls).toBe(1);
  });

  it('refuses an IPv4-mapped IPv6 loopback as well', async () => {
    const resolve = scripted(['::ffff:127.0.0.1']);
    await expect(sender(resolve).send(target(), 'd3', { event: 'x' })).rejects.toThrow(/target refused/);
    expect(calls).toEqual([]);
  });

  it('connects to the checked address, keeping the host name for the request', async () => {
    const resolve = scripted(['127.0.0.1'], ['203.0.113.9']);
    const status = await sender(resolve, '127.0.0.1').send(target(), 'd4', { event: 'nomination.accepted' });
    expect(status).toBe(204);
    expect(calls).toEqual([
      { host: `${HOST}:${port}`, body: JSON.stringify({ event: 'nomination.accepted' }) },
    ]);
    expect(resolve.calls).toBe(1);
  });
});

describe('which addresses a webhook may not target', () => {
  it('refuses loopback, private, link-local and mapped addresses, and lets public IPv4 and IPv6 through', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
    ]) {
      expect(`${address} ${isPrivateAddress(address)}`).toBe(`${address} true`);
    }
    for (const address of [
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:8.8.8.8',
      'not-an-ip',
    ]) {
      expect(`${address} ${isPrivateAddress(address)}`).toBe(`${address} true`);
    }
    for (const address of ['8.8.8.8', '203.0.113.7', '14.225.0.1', '2606:4700::1111', '2402:800::1']) {
      expect(`${address} ${isPrivateAddress(address)}`).toBe(`${address} false`);
    }
  });
});
