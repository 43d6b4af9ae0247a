import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { ErrorBody } from './http-exception.filter';
import { type ErrorLocale, errorMessage, negotiateLocale } from './error-messages';
import { drainUnreadBody } from './lingering-close';

/** Longest request target (path and query) served; longer ones answer 414. */
export const MAX_URL_LENGTH = 8192;
/** Longest path parameter the router matches; a longer one answers 414. Ids and codes are far shorter. */
export const MAX_PARAM_LENGTH = 200;
/** How long a connection whose request could not be parsed is kept to read what the client still sends. */
const MALFORMED_LINGER_MS = 5000;
const MALFORMED_LINGER_BYTES = 1024 * 1024;

interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** The refusal in the error envelope, its message in the caller's language (Vietnamese unless English is asked). */
export function errorBody(refusal: Refusal, requestId?: string, locale: ErrorLocale = 'vi'): ErrorBody {
  const message = errorMessage(refusal.code, locale, undefined, refusal.message);
  return { error: { code: refusal.code, message, ...(requestId ? { requestId } : {}) } };
}

export const uriTooLong: Refusal = {
  status: 414,
  code: 'REQUEST.URI_TOO_LONG',
  message: `The request URL is longer than ${MAX_URL_LENGTH} characters or one of its path segments longer than ${MAX_PARAM_LENGTH}`,
};

/** Answers a refusal from a hook or a framework callback, in the error envelope, with the request id. */
export function refuse(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): void {
  // The body, if any, was not read: drain it so that the client can read this answer (see lingering-close.ts).
  drainUnreadBody(request.raw);
  const locale = negotiateLocale(request.headers['accept-language']);
  void reply
    .header('x-request-id', request.id)
    .header('content-language', locale)
    .status(refusal.status)
    .send(errorBody(refusal, request.id, locale));
}

/**
 * Fastify's `frameworkErrors`: the router refused the request before any hook ran (a malformed percent-encoding in
 * the path, a path segment longer than the router matches).
 */
export function frameworkErrors(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return refuse(request, reply, {
        status: 400,
        code: 'REQUEST.BAD_URL',
        message: 'The request URL is not valid (malformed percent-encoding)',
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return refuse(request, reply, uriTooLong);
    default:
      return refuse(request, reply, {
        status: 400,
        code: 'REQUEST.MALFORMED',
        message: 'The request could not be routed',
      });
  }
}

/** What Node's HTTP parser refused, as a refusal. */
export function clientErrorRefusal(error: Error & { code?: string; rawPacket?: unknown }): Refusal {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return requestLineTooLong(Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined)
        ? uriTooLong
        : {
            status: 431,
            code: 'REQUEST.HEADERS_TOO_LARGE',
            message: 'The request headers are too large',
          };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, code: 'REQUEST.TOO_LARGE', message: 'The chunk extensions are too large' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return { status: 408, code: 'REQUEST.TIMEOUT', message: 'The request took too long to arrive' };
    default:
      return {
        status: 400,
        code: 'REQUEST.MALFORMED',
        message: 'The request is not well-formed HTTP',
      };
  }
}

/**
 * Node counts the request line with the headers: an over-long URL is reported as a header overflow. When the packet
 * being parsed starts with a request line that has not ended within the URL limit, the URL is the culprit.
 */
function requestLineTooLong(packet: Buffer | undefined): boolean {
  if (!packet) return false;
  const start = packet.subarray(0, 32).toString('latin1');
  if (!/^[A-Z]+ /.test(start)) return false;
  const end = packet.indexOf('\r\n');
  return end === -1 ? packet.length > MAX_URL_LENGTH : end > MAX_URL_LENGTH;
}

const answered = new WeakSet<Socket>();

/**
 * The HTTP server's `clientError` handler: Node's parser refused the request (malformed HTTP, headers too large, a
 * timeout) before Fastify saw it. Answers a well-formed HTTP/1.1 response in the error envelope with
 * `Connection: close`, then keeps reading (and discarding) what the client still sends for a moment before
 * closing, so that the answer is not lost under a reset.
 */
export function createClientErrorHandler(logger: Logger) {
  return (error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void => {
    // A reset connection has nothing left to answer; the parser reports every later packet of an answered one too.
    if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
    answered.add(socket);
    const refusal = clientErrorRefusal(error);
    const requestId = randomUUID();
    logger.debug({ requestId, error: error.message, code: error.code }, 'refused malformed request');
    // Node's own caution: no answer if one is already being written on this connection.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(errorBody(refusal, requestId));
    socket.end(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        // The request was not parsed: its Accept-Language is unknown, and the answer is in Vietnamese.
        'Content-Language: vi\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
    let received = 0;
    const timer = setTimeout(() => socket.destroy(), MALFORMED_LINGER_MS);
    timer.unref();
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MALFORMED_LINGER_BYTES) socket.destroy();
    });
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(timer));
  };
}
