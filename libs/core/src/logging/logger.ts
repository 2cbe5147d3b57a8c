import { AsyncLocalStorage } from 'node:async_hooks';
import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config';

/** The logger of the request being served, bound by the HTTP logging middleware (it carries `reqId`). */
export const requestLogger = new AsyncLocalStorage<Logger>();

/**
 * The process's one pino logger: readable, coloured lines on a terminal
 * (pino-pretty, written synchronously so nothing is lost on exit), JSON lines
 * otherwise, for a log collector.
 */
export function createLogger(
  config: Pick<AppConfig, 'logLevel' | 'logFormat'>,
  /** 1 (stdout) for services; 2 (stderr) for commands whose stdout is their result. */
  fd: 1 | 2 = 1,
  /** JSON lines appended to this file instead (the tests keep every line logged over a run, to scan them). */
  file?: string,
): Logger {
  const terminal = (fd === 1 ? process.stdout : process.stderr).isTTY === true;
  const readable = !file && (config.logFormat === 'pretty' || (config.logFormat === 'auto' && terminal));
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    // Nothing below logs headers; this guards against a future line that would.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
    hooks: {
      // One record, one line: CR and LF in a message (user input quoted in it) cannot start a forged line.
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? oneLine(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
  if (file) return pino(options, pino.destination({ dest: file, sync: true, append: true, mkdir: true }));
  if (!readable) return pino(options, pino.destination({ fd, sync: true }));
  return pino(
    options,
    pretty({
      destination: fd,
      sync: true,
      colorize: terminal,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,context,req,res,responseTime,reqId',
      messageFormat: '{if context}[{context}] {end}{msg}{if reqId} ({reqId}){end}',
    }),
  );
}

/** CR, LF and the Unicode line and paragraph separators, written as visible escapes. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Nest's own start-up narration (every module, every route): worth seeing only when debugging. */
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'NestApplication',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
]);

/** Nest's logger interface over pino: `[context] message`, with the request id inside a request. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly root: Logger) {}

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, params: unknown[]) {
    const logger = requestLogger.getStore() ?? this.root;
    // Nest passes the context last (a string); an error's stack comes before it.
    const context = typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    if (level === 'info' && context && FRAMEWORK_CONTEXTS.has(context)) level = 'debug';
    const stack = level === 'error' || level === 'fatal' ? params.find((p) => typeof p === 'string') : undefined;
    if (message instanceof Error) logger[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) logger[level]({ context, ...message });
    else logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  }

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
}
