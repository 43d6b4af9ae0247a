import { createServer, type Server, type Socket, connect } from 'node:net';
import { Client } from 'pg';

export interface PgProxy {
  /** `url` with its host and port replaced by the proxy's. */
  url(url: string): string;
  /**
   * The next connection made through the proxy is ambushed: its backend is terminated just as it is ready, and
   * the client receives ReadyForQuery and the termination notice in one packet. Resolves once that was delivered.
   */
  ambushNext(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL's AuthenticationOk message: type 'R', length 8, code 0. */
const isAuthenticationOk = (type: number, body: Buffer) => type === 0x52 && body.readInt32BE(0) === 0;

/**
 * A TCP proxy in front of a real PostgreSQL server that can break a connection at the worst moment, as a server
 * shutting down does now and then: the backend is terminated (`pg_terminate_backend`, from another connection)
 * after it finished the start-up, and the client learns that it is ready and that it is gone in the same read.
 * Whatever the client does synchronously when a connection becomes ready (hand it to a caller through a promise)
 * has then not happened yet when the error arrives. Every other connection is passed through untouched.
 */
export async function startPgProxy(targetUrl: string): Promise<PgProxy> {
  const target = new URL(targetUrl);
  const pending: (() => void)[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    const forget = () => {
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      upstream.destroy();
      forget();
    });
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);

    const delivered = pending.shift();
    if (!delivered) {
      upstream.pipe(client);
      return;
    }
    // Ambush: forward the authentication, hold the rest of the start-up, terminate the backend, then deliver the
    // held start-up and the termination notice together.
    let buffered = Buffer.alloc(0);
    const held: Buffer[] = [];
    let holding = false;
    let pid: number | undefined;
    let terminating = false;
    upstream.on('data', (chunk: Buffer) => {
      if (terminating) {
        held.push(chunk);
        return;
      }
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 5) {
        const type = buffered[0];
        const length = buffered.readInt32BE(1);
        if (buffered.length < 1 + length) break;
        const message = buffered.subarray(0, 1 + length);
        const body = message.subarray(5);
        buffered = buffered.subarray(1 + length);
        if (holding) held.push(message);
        else client.write(message);
        if (isAuthenticationOk(type, body)) holding = true;
        if (type === 0x4b) pid = body.readInt32BE(0); // BackendKeyData
        if (type === 0x5a && holding && pid !== undefined) {
          // ReadyForQuery: the backend is ready and the client does not know it yet.
          terminating = true;
          held.push(buffered);
          void terminate(targetUrl, pid);
          break;
        }
      }
    });
    upstream.on('end', () => {
      client.end(Buffer.concat(held), () => delivered());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  return {
    url(url: string) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    ambushNext() {
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function terminate(url: string, pid: number): Promise<void> {
  const admin = new Client({ connectionString: url });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end().catch(() => undefined);
  }
}
