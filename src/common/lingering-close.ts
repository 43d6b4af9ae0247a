import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** After an early answer, at most this much of the rest of a request body is read and discarded... */
export const LINGER_MAX_BYTES = 64 * 1024 * 1024;
/** ...and for at most this long; past either bound the connection is cut. */
export const LINGER_MAX_MS = 30_000;

const lingering = new WeakSet<IncomingMessage>();

/** Whether the request announced a body (a length or a chunked transfer) that has not been read to its end. */
export function hasUnreadBody(raw: IncomingMessage): boolean {
  const length = Number(raw.headers['content-length'] ?? 0);
  const announced = length > 0 || raw.headers['transfer-encoding'] !== undefined;
  return announced && !raw.complete && !raw.readableEnded;
}

/**
 * Lingering close, as nginx does it. The service may answer before it has read the body (too large, wrong type,
 * not signed in). Closing then, while the client is still sending, makes the client's system answer our close with
 * a reset, and a reset discards the answer the client had not read yet: it sees "connection reset" instead of the
 * 413. So the connection is kept, the rest of the body is read and thrown away, and the answer stays readable; a
 * client that sends far more than any request could need, or takes too long, is cut off.
 *
 * Call before the answer is sent. Returns whether the body is being drained (the caller must then not ask for the
 * connection to be closed: Node would close it as soon as the answer is written).
 */
export function drainUnreadBody(raw: IncomingMessage): boolean {
  if (!hasUnreadBody(raw)) return false;
  if (lingering.has(raw)) return true;
  lingering.add(raw);
  const socket: Socket = raw.socket;
  let received = 0;
  const cut = () => socket.destroy();
  const timer = setTimeout(cut, LINGER_MAX_MS);
  timer.unref();
  const done = () => clearTimeout(timer);
  raw.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > LINGER_MAX_BYTES) {
      done();
      cut();
    }
  });
  raw.once('end', done);
  raw.once('close', done);
  raw.on('error', done);
  raw.resume();
  // A client that asked for the connection to be closed gets it closed once its body has arrived, not under it:
  // Node ends and destroys the socket as soon as the answer is written (`destroySoon`), so only end it then.
  if (!keepsAlive(raw)) {
    const socketWithSoon = socket as Socket & { destroySoon?: () => void };
    if (typeof socketWithSoon.destroySoon === 'function') {
      socketWithSoon.destroySoon = () => {
        socket.end();
        if (raw.readableEnded) socket.destroy();
        else raw.once('end', () => socket.destroy());
      };
    }
  }
  return true;
}

function keepsAlive(raw: IncomingMessage): boolean {
  const connection = String(raw.headers.connection ?? '').toLowerCase();
  if (connection.includes('close')) return false;
  return raw.httpVersion !== '1.0' || connection.includes('keep-alive');
}
