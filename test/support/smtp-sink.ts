import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the sink does with mail for an address: take it, refuse it (550), never answer, or hold it until released. */
export type SinkBehaviour = 'accept' | 'refuse' | 'hang' | 'hold';

export interface SinkMessage {
  to: string[];
  raw: string;
  messageId: string | null;
  subject: string;
}

/** Decodes the encoded-words (RFC 2047) nodemailer writes for non-ASCII headers. */
function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_match, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head);
  return match ? match[1].trim() : null;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package): it
 * records the messages it accepted, and can refuse, hang or hold mail per
 * recipient to test retries, time-outs and a worker killed mid-delivery.
 */
export class SmtpSink {
  readonly messages: SinkMessage[] = [];
  /** Recipients whose DATA arrived while held (the client is waiting for the answer). */
  readonly held: string[] = [];
  private behaviour: (address: string) => SinkBehaviour = () => 'accept';
  private readonly waiting = new Map<string, () => void>();
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 1000, // a connection left open by a killed client must not hold the test's teardown
      onRcptTo: (address, _session, callback) => {
        const behaviour = this.behaviour(address.address);
        if (behaviour === 'refuse') {
          return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        }
        if (behaviour === 'hang') return; // never answers: the client times out
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          const accept = () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            this.messages.push({
              to,
              raw,
              messageId: header(raw, 'Message-ID'),
              subject: decodeHeader(header(raw, 'Subject') ?? ''),
            });
            callback();
          };
          if (to.some((address) => this.behaviour(address) === 'hold')) {
            this.held.push(...to);
            this.waiting.set(session.id, accept);
          } else accept();
        });
      },
      onClose: (session) => {
        // A client that went away while its message was held never got a 250: the message was not accepted.
        this.waiting.delete(session.id);
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  behave(rule: (address: string) => SinkBehaviour): void {
    this.behaviour = rule;
  }

  to(address: string): SinkMessage[] {
    return this.messages.filter((message) => message.to.includes(address));
  }

  async stop(): Promise<void> {
    for (const release of this.waiting.values()) release();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
