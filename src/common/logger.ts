import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-context';

/** One structured JSON logger for the process; every line carries the request id when there is one. */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'thidua', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.secret'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Framework chatter (module and route listings) is kept for debug level. */
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

type Level = 'info' | 'warn' | 'debug' | 'trace' | 'fatal' | 'error';

/**
 * Adapts pino to Nest's LoggerService so framework and module messages share one format. Nest calls
 * `log(message, ...params, context)`: an object message becomes fields, a string param becomes the text.
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
  setLogLevels(levels: LogLevel[]): void {
    if (levels.length > 0) this.logger.level = levels.includes('debug') ? 'debug' : 'info';
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context =
      typeof rest[rest.length - 1] === 'string' && rest.length > 0 ? (rest.pop() as string) : undefined;
    const effective: Level = context && QUIET_CONTEXTS.has(context) && level === 'info' ? 'debug' : level;
    const text = rest.find((p) => typeof p === 'string') as string | undefined;
    if (typeof message === 'object' && message !== null) {
      this.logger[effective]({ context, ...(message as Record<string, unknown>) }, text ?? '');
    } else {
      this.logger[effective](
        { context, ...(text && effective === 'error' ? { trace: text } : {}) },
        String(message),
      );
    }
  }
}
