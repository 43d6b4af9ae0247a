import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorKind } from './errors';
import { errorMessage, negotiateLocale } from './error-messages';
import { isUnavailableError } from './unavailable';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  rate_limited: 429,
  unavailable: 503,
};

const INPUT_DATA_EXCEPTIONS = new Set([
  '22P02',
  '22003',
  '22001',
  '22007',
  '22008',
  '22021',
  '22P05',
  '22004',
]);

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>; requestId?: string };
}

interface Mapped {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

function fromHttpException(exception: HttpException): Mapped {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? String((response as { message: unknown }).message)
      : exception.message;
  const codes: Record<number, string> = {
    400: 'REQUEST.INVALID',
    401: 'AUTH.UNAUTHENTICATED',
    403: 'AUTH.FORBIDDEN',
    404: 'REQUEST.NOT_FOUND',
    405: 'REQUEST.METHOD_NOT_ALLOWED',
    406: 'REQUEST.NOT_ACCEPTABLE',
    413: 'REQUEST.TOO_LARGE',
    415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    429: 'REQUEST.RATE_LIMITED',
  };
  return { status, code: codes[status] ?? `HTTP.${status}`, message };
}

export function mapError(exception: unknown): Mapped {
  if (exception instanceof DomainError) {
    return {
      status: STATUS[exception.kind],
      code: exception.code,
      message: exception.message,
      details: exception.details,
    };
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  const error = exception as {
    statusCode?: number;
    code?: string;
    message?: string;
    driverError?: { code?: string };
  };
  // Fastify's own errors (body too large, bad JSON, wrong content type) carry a 4xx status and an FST_ code.
  if (typeof error?.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    const code =
      error.statusCode === 413
        ? 'REQUEST.TOO_LARGE'
        : error.statusCode === 415
          ? 'REQUEST.UNSUPPORTED_MEDIA_TYPE'
          : 'REQUEST.INVALID';
    return {
      status: error.statusCode,
      code,
      message: error.message ?? 'Bad request',
      details: { reason: error.code },
    };
  }
  const sqlState = error?.driverError?.code ?? error?.code;
  if (isUnavailableError(exception)) {
    return {
      status: 503,
      code: 'SERVICE.UNAVAILABLE',
      message: 'A backing service is unavailable; try again shortly',
    };
  }
  // Data exceptions a request's own values cause (a malformed number, date or text, out of range, too long);
  // other class-22 states (an oversized NOTIFY payload, say) are the server's fault and stay 500.
  if (typeof sqlState === 'string' && INPUT_DATA_EXCEPTIONS.has(sqlState)) {
    return {
      status: 400,
      code: 'REQUEST.INVALID',
      message: 'A value in the request is out of range or malformed',
    };
  }
  if (sqlState === '23505') {
    return { status: 409, code: 'REQUEST.CONFLICT', message: 'This conflicts with an existing record' };
  }
  return { status: 500, code: 'INTERNAL', message: 'Internal error' };
}

/** The one place errors become HTTP responses, in one JSON shape with the request id. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const mapped = mapError(exception);
    if (mapped.status >= 500) {
      const err = exception as Error;
      this.logger.error(
        {
          method: request?.method,
          route: request?.routeOptions?.url,
          error: err?.message,
          ...(err?.cause ? { cause: (err.cause as Error)?.message ?? String(err.cause) } : {}),
          stack: err?.stack,
        },
        'request failed',
      );
    } else if (mapped.code === 'REQUEST.INVALID' && !(exception instanceof DomainError)) {
      this.logger.warn(
        { route: request?.routeOptions?.url, error: (exception as Error)?.message },
        'rejected input',
      );
    }
    const locale = negotiateLocale(request?.headers?.['accept-language']);
    void reply.header('content-language', locale);
    const body: ErrorBody = {
      error: {
        code: mapped.code,
        message: errorMessage(mapped.code, locale, mapped.details, mapped.message),
        ...(mapped.details ? { details: mapped.details } : {}),
        requestId: request?.id,
      },
    };
    if (mapped.status === 503) void reply.header('retry-after', '5');
    const retryAfter = mapped.details?.retryAfterSeconds;
    if (mapped.status === 429 && typeof retryAfter === 'number')
      void reply.header('retry-after', String(retryAfter));
    void reply.status(mapped.status).send(body);
  }
}
