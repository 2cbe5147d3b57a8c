import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig, TransactionHost } from '@lms/core';
import { ACTOR_SQL, ActorRow } from './actor.sql';

/** The channel the `actor_change_notice` triggers speak on: `token:<jti>`, `user:<id>` or `all`. */
export const ACTOR_CHANNEL = 'lms_actor';
const MAX_ENTRIES = 20_000;

/**
 * What each token's requests need about its account, read in one statement
 * and kept for `actorCacheMs` by token id. Every change that could make a
 * token mean something else (signed out, token version, disabled, second
 * factor, grants, units moved) is announced by a trigger on commit; this
 * process listens and forgets at once, and keeps nothing while it is not
 * listening. A read that overlapped a notice is not kept (the notice may
 * have been about it).
 */
@Injectable()
export class ActorCache implements OnModuleDestroy {
  private readonly logger = new Logger('ActorCache');
  private readonly entries = new Map<string, { row: ActorRow; until: number }>();
  private generation = 0;
  private listener: Client | null = null;
  /** Listening is started by the first read (processes that serve no requests never open the channel). */
  private started = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const listener = this.listener;
    this.drop();
    await listener?.end().catch(() => undefined);
  }

  /** The account and token state for `userId`'s token `jti`, from memory when fresh. */
  async read(userId: string, jti: string): Promise<ActorRow | undefined> {
    if (!this.started && this.config.actorCacheMs > 0) {
      this.started = true;
      this.listen().catch(() => this.listenLater());
    }
    const hit = this.entries.get(jti);
    if (hit && hit.row.id === userId && hit.until > Date.now()) return hit.row;
    const generation = this.generation;
    const [row] = await this.tx.query<ActorRow>(ACTOR_SQL, [userId, jti]);
    if (row && !row.revoked && this.listener && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(jti, { row, until: Date.now() + this.config.actorCacheMs });
    }
    return row;
  }

  /** Forgets what a notice concerns (`token:<jti>`, `user:<id>`, anything else: everything). */
  forget(notice: string): void {
    this.generation++;
    if (notice.startsWith('token:')) {
      this.entries.delete(notice.slice(6));
    } else if (notice.startsWith('user:')) {
      const userId = notice.slice(5);
      for (const [jti, entry] of this.entries) if (entry.row.id === userId) this.entries.delete(jti);
    } else {
      this.entries.clear();
    }
  }

  private async listen(): Promise<void> {
    const url = (this.tx.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url, application_name: 'lms-actor-cache' });
    client.on('notification', (message) => this.forget(message.payload ?? 'all'));
    const lost = () => {
      if (this.listener !== client) return;
      this.logger.warn('lost the actor-change channel; reading every token afresh until it is back');
      this.drop();
      void client.end().catch(() => undefined);
      this.listenLater();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`LISTEN ${ACTOR_CHANNEL}`);
    if (this.stopped) {
      await client.end();
      return;
    }
    this.listener = client;
  }

  private listenLater(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.listen().catch(() => this.listenLater());
    }, 1000);
    this.retry.unref();
  }

  private drop(): void {
    this.listener = null;
    this.generation++;
    this.entries.clear();
  }
}
