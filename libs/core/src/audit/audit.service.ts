import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TransactionHost } from '../database/transaction';
import { likeEscape, subtreeCondition } from '../database/sql';
import { RequestContext } from '../http/request-context';
import { Page } from '../http/pagination';
import { ADVISORY_LOCKS } from '../database/locks';
import { auditHashSql, ChainKeyPads, chainKeyPads } from './audit-hash.sql';
import { AuditView } from './audit-event.dto';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  unitPath?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** An action (`unit.create`) or its family (`unit`: every `unit.*`). */
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** Events hashed with the key (HMAC-SHA256); the others predate it (plain SHA-256). */
  keyed: number;
  /** The first keyed event: those before it could only be checked without the key. */
  keyedFrom: number | null;
  /**
   * `content`: the row or its hash changed; `link`: the row before it was
   * changed or removed; `unkeyed`: an event without the key after keyed ones
   * (written by a process without the key, or a keyed row rewritten as plain).
   */
  firstBroken: { seq: number; id: string; reason: 'content' | 'link' | 'unkeyed' } | null;
}

/** The keyed hash of a new row, with the key's pads as parameters `$10` and `$11`. */
const KEYED = { inner: '$10', outer: '$11' };

@Injectable()
export class AuditService {
  private readonly pads: ChainKeyPads;

  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pads = chainKeyPads(config.auditChainKey);
  }

  /** Appends an event in the caller's transaction (opening one if needed). */
  async record(ctx: RequestContext, event: AuditRecord): Promise<void> {
    await this.tx.withTransaction(async () => {
      await this.tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.auditChain]);
      await this.tx.query(
        `WITH prev AS (SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1),
              e AS (SELECT gen_random_uuid() AS id, clock_timestamp() AS occurred_at, $1::uuid AS actor_id,
                           $2::varchar AS actor_name, $3::varchar AS action, $4::varchar AS entity_type,
                           $5::varchar AS entity_id, $6::text AS unit_path, $7::jsonb AS before,
                           $8::jsonb AS after, $9::varchar AS request_id)
         INSERT INTO audit_event (id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, unit_path,
                                  before, after, request_id, prev_hash, hash, keyed)
         SELECT e.id, e.occurred_at, e.actor_id, e.actor_name, e.action, e.entity_type, e.entity_id, e.unit_path,
                e.before, e.after, e.request_id, (SELECT hash FROM prev),
                ${auditHashSql('e', '(SELECT hash FROM prev)', KEYED)}, true
         FROM e`,
        [
          ctx.actor?.userId ?? null,
          ctx.actor?.username ?? (ctx.isSystem ? 'system' : null),
          event.action,
          event.entityType,
          event.entityId ?? null,
          event.unitPath ?? null,
          event.before === undefined ? null : JSON.stringify(event.before),
          event.after === undefined ? null : JSON.stringify(event.after),
          ctx.requestId,
          this.pads.inner,
          this.pads.outer,
        ],
      );
    });
  }

  /**
   * Appends several events in one statement, chained in the order given: a
   * recursive query hashes each onto the one before, with the same
   * expression as `record`, so a batch (certificates issued together) costs
   * one round trip instead of one per event. Planning it costs more than
   * `record`'s statement, which a single event keeps.
   */
  async recordMany(ctx: RequestContext, events: AuditRecord[]): Promise<void> {
    if (events.length <= 1) {
      if (events[0]) await this.record(ctx, events[0]);
      return;
    }
    const json = (values: unknown[]) => JSON.stringify(values.map((value) => (value === undefined ? null : value)));
    await this.tx.withTransaction(async () => {
      await this.tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.auditChain]);
      await this.tx.query(
        `WITH RECURSIVE input AS MATERIALIZED (
           SELECT $1::varchar[] AS action, $2::varchar[] AS entity_type, $3::varchar[] AS entity_id, $4::text[] AS unit_path,
                  $5::jsonb AS before, $6::jsonb AS after, cardinality($1::varchar[]) AS n
         ),
         chain AS (
           SELECT 0 AS i, NULL::uuid AS id, NULL::timestamptz AS occurred_at, NULL::varchar AS action,
                  NULL::varchar AS entity_type, NULL::varchar AS entity_id, NULL::text AS unit_path, NULL::jsonb AS before,
                  NULL::jsonb AS after, NULL::text AS prev_hash,
                  (SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1)::text AS hash
           UNION ALL
           SELECT e.i, e.id, e.occurred_at, e.action, e.entity_type, e.entity_id, e.unit_path, e.before, e.after, c.hash,
                  ${auditHashSql('e', 'c.hash', KEYED)}::text
           FROM chain c CROSS JOIN input x
           CROSS JOIN LATERAL (
             SELECT c.i + 1 AS i, gen_random_uuid() AS id, clock_timestamp() AS occurred_at, $7::uuid AS actor_id,
                    $8::varchar AS actor_name, x.action[c.i + 1] AS action, x.entity_type[c.i + 1] AS entity_type,
                    x.entity_id[c.i + 1] AS entity_id, x.unit_path[c.i + 1] AS unit_path,
                    nullif(x.before -> c.i, 'null'::jsonb) AS before, nullif(x.after -> c.i, 'null'::jsonb) AS after,
                    $9::varchar AS request_id) e
           WHERE c.i < x.n
         )
         INSERT INTO audit_event (id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, unit_path,
                                  before, after, request_id, prev_hash, hash, keyed)
         SELECT id, occurred_at, $7, $8, action, entity_type, entity_id, unit_path, before, after, $9, prev_hash, hash, true
         FROM chain WHERE i > 0 ORDER BY i`,
        [
          events.map((e) => e.action),
          events.map((e) => e.entityType),
          events.map((e) => e.entityId ?? null),
          events.map((e) => e.unitPath ?? null),
          json(events.map((e) => e.before)),
          json(events.map((e) => e.after)),
          ctx.actor?.userId ?? null,
          ctx.actor?.username ?? (ctx.isSystem ? 'system' : null),
          ctx.requestId,
          this.pads.inner,
          this.pads.outer,
        ],
      );
    });
  }

  /** Events filed under `subtrees`; `unfiled` adds those filed under no unit (refused access, unknown sign-ins, policies). */
  async list(subtrees: string[] | null, filter: AuditFilter, unfiled = false): Promise<Page<AuditView>> {
    const params: unknown[] = [];
    const scope = subtreeCondition('e.unit_path', subtrees, params);
    const where = [unfiled ? `(${scope} OR e.unit_path IS NULL)` : scope];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.entityType) add('e.entity_type = ?', filter.entityType);
    if (filter.entityId) add('e.entity_id = ?', filter.entityId);
    if (filter.actorId) add('e.actor_id = ?', filter.actorId);
    if (filter.action) {
      params.push(filter.action, `${likeEscape(filter.action)}.%`);
      where.push(`(e.action = $${params.length - 1} OR e.action LIKE $${params.length})`);
    }
    if (filter.from) add('e.occurred_at >= ?', filter.from);
    if (filter.to) add('e.occurred_at < ?', filter.to);
    const condition = where.join(' AND ');
    const { rows, total } = await this.tx.page<Record<string, unknown>>({
      from: `audit_event e`,
      select: `SELECT e.* FROM audit_event e`,
      where: condition,
      orderBy: `e.seq DESC`,
      params: params,
      page: filter,
    });
    return {
      items: rows.map((row) => ({
        id: row.id as string,
        seq: Number(row.seq),
        occurredAt: row.occurred_at as Date,
        actorId: row.actor_id as string | null,
        actorName: row.actor_name as string | null,
        action: row.action as string,
        entityType: row.entity_type as string,
        entityId: row.entity_id as string | null,
        before: row.before,
        after: row.after,
        requestId: row.request_id as string | null,
        hash: row.hash as string,
      })),
      total,
      limit: filter.limit,
      offset: filter.offset,
    };
  }

  /**
   * Recomputes every hash in one pass, keyed rows with the key; reports the
   * first row whose content or link is wrong, or a plain row after keyed ones.
   */
  async verifyChain(): Promise<ChainCheck> {
    const [counts] = await this.tx.query<{ checked: number; keyed: number; keyed_from: string | null }>(
      `SELECT count(*)::int AS checked, count(*) FILTER (WHERE keyed)::int AS keyed,
              min(seq) FILTER (WHERE keyed) AS keyed_from
       FROM audit_event`,
    );
    const broken = await this.tx.query<{ seq: string; id: string; reason: 'content' | 'link' | 'unkeyed' }>(
      `SELECT seq, id,
              CASE WHEN hash <> recomputed THEN 'content' WHEN prev_hash IS DISTINCT FROM expected_prev THEN 'link'
                   ELSE 'unkeyed' END AS reason
       FROM (SELECT e.seq, e.id, e.hash, e.prev_hash, e.keyed,
                    lag(e.hash) OVER (ORDER BY e.seq) AS expected_prev,
                    coalesce(bool_or(e.keyed) OVER (ORDER BY e.seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                             false) AS keyed_before,
                    CASE WHEN e.keyed THEN ${auditHashSql('e', 'e.prev_hash', { inner: '$1', outer: '$2' })}
                         ELSE ${auditHashSql('e', 'e.prev_hash')} END AS recomputed
             FROM audit_event e) chain
       WHERE hash <> recomputed OR prev_hash IS DISTINCT FROM expected_prev OR (keyed_before AND NOT keyed)
       ORDER BY seq LIMIT 1`,
      [this.pads.inner, this.pads.outer],
    );
    const first = broken[0];
    return {
      ok: !first,
      checked: counts.checked,
      keyed: counts.keyed,
      keyedFrom: counts.keyed_from === null ? null : Number(counts.keyed_from),
      firstBroken: first ? { seq: Number(first.seq), id: first.id, reason: first.reason } : null,
    };
  }
}
