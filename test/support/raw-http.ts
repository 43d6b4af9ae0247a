import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the answer is JSON, the text otherwise. */
  body: any;
}

export interface RawExchange {
  /** The answers read, in order (several when requests were pipelined). */
  responses: RawResponse[];
  /** Whether every byte of the request was handed to the system before the connection ended. */
  sentAll: boolean;
  /** The error that ended the connection (a reset), if any. */
  error?: string;
}

/**
 * Sends bytes over a plain TCP connection, exactly as given (fetch cannot send malformed HTTP, nor control when the
 * body is written), and reads the answers until `expected` complete ones have arrived or the server closes. The
 * whole request is written before anything is concluded, so the outcome does not depend on who is faster: a body
 * the server refused early must still be accepted (read and discarded) for its answer to be readable.
 */
export function rawExchange(
  baseUrl: string,
  chunks: (Buffer | string)[],
  options: { expected?: number; timeoutMs?: number } = {},
): Promise<RawExchange> {
  const url = new URL(baseUrl);
  const expected = options.expected ?? 1;
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(url.port), url.hostname);
    let received = Buffer.alloc(0);
    const responses: RawResponse[] = [];
    let sentAll = false;
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses, sentAll, ...(error ? { error } : {}) });
    };
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs ?? 30_000);
    const parse = () => {
      for (;;) {
        const end = received.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = received.subarray(0, end).toString('latin1').split('\r\n');
        const status = Number(head[0].split(' ')[1]);
        const headers: Record<string, string> = {};
        for (const line of head.slice(1)) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        const length = Number(headers['content-length'] ?? 0);
        if (received.length < end + 4 + length) return;
        const text = received.subarray(end + 4, end + 4 + length).toString('utf8');
        let body: unknown = text;
        if ((headers['content-type'] ?? '').includes('json')) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        responses.push({ status, headers, body });
        received = received.subarray(end + 4 + length);
      }
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      parse();
      if (responses.length >= expected && sentAll) finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    socket.on('close', () => finish());
    socket.on('connect', () => {
      chunks.forEach((chunk, i) =>
        socket.write(chunk, (error) => {
          if (error || i < chunks.length - 1) return;
          sentAll = true;
          if (responses.length >= expected) finish();
        }),
      );
    });
  });
}

/** A request with a body, its headers written as given (no defaults added beyond `Host`). */
export function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body: Buffer | string = '',
): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: localhost'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), Buffer.from(body)]);
}

/** A body sent in chunked transfer encoding, one chunk per piece, then the last chunk. */
export function chunked(pieces: Buffer[]): Buffer {
  return Buffer.concat([
    ...pieces.flatMap((p) => [Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n')]),
    Buffer.from('0\r\n\r\n'),
  ]);
}
