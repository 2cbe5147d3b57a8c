import { Injectable } from '@nestjs/common';
import {
  AuditService,
  LocalizedText,
  newVerificationCode,
  normalizeVerificationCode,
  NotFound,
  Page,
  PageQuery,
  RequestContext,
  subtreeCondition,
  TransactionHost,
} from '@lms/core';
import { CourseService, ProgrammeService } from '@lms/catalogue';
import { OrderService, OrderView } from '@lms/assignments';
import { UnitService } from '@lms/personnel';
import { CreateExecutionReportDto } from '../dto/report-query.dto';
import type { SnapshotCreated } from '../dto/report.response';
import { SnapshotTampered, UnitOutsideOrder } from '../reports.errors';
import { canonicalJson, sha256Hex } from './canonical-json';
import { ComplianceReport } from './compliance.model';
import { ExecutionAttachments, FrozenTrust } from './execution-attachments';
import { ComplianceService, ReportUnit } from './compliance.service';
import { OfficerOutcome, OfficerOutcomeService } from './officer-outcomes.service';
import { FileCheck, ReportRenderingService } from './report-rendering.service';
import { REPORT_READERS, REPORT_WRITERS } from './report-scope';

/**
 * What an execution report freezes: the order and the courses it requires,
 * who produced it and when, the compliance counts then, and the officers
 * behind them. Readers must ignore keys they do not know: later versions add
 * keys (a programme's course list, say), never change these.
 */
export interface ExecutionReportContent {
  kind: 'order-execution';
  /** 2 since the officer lists (snapshots without it hold counts only); 3 since the programme's course list. */
  version?: number;
  requirement?: {
    /** Every course required (listed by the order, or in its programme at the moment of freezing), by code. */
    courses: FrozenCourse[];
    /** Version 3: the order's programme and its courses in order, as they were when the report was frozen. */
    programme?: { id: string; code: string; title: LocalizedText; courses: FrozenCourse[] } | null;
  };
  /** Completed: every course done (or exempted from some); outstanding: the rest, with each course's state. */
  officers?: {
    completed: OfficerOutcome[];
    outstanding: OfficerOutcome[];
    /** Refreshers assigned after substantiated complaints, apart from the order's own outcome (later snapshots). */
    refreshers?: OfficerOutcome[];
  };
  order: {
    id: string;
    number: string;
    date: string;
    title: string;
    issuingAuthority: string | null;
    deadline: string | null;
    unitId: string;
    unitCode: string;
  };
  producedAt: string;
  producedBy: { userId: string | null; username: string | null };
  report: ComplianceReport;
  /** Only when frozen with `includeTrust` (absent otherwise): the trust report of the subtree from the order's date to the day of freezing. */
  trust?: FrozenTrust;
}

interface FrozenCourse {
  id: string;
  code: string;
  title: LocalizedText;
}

interface SnapshotRow {
  id: string;
  kind: string;
  order_id: string | null;
  unit_id: string;
  parameters: Record<string, unknown>;
  content: unknown;
  content_text: string;
  sha256: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  verification_code: string | null;
}

const SNAPSHOT_SELECT = `SELECT s.*, a.username AS created_by_name
  FROM report_snapshot s JOIN unit u ON u.id = s.unit_id LEFT JOIN user_account a ON a.id = s.created_by`;

/**
 * Is the row as it was written? The text must still hash to the stored
 * SHA-256, and the jsonb copy must still be that text (the trigger stops
 * ordinary writes; this catches anything done behind it).
 */
function check(row: SnapshotRow): { verified: boolean; actualSha256: string } {
  const actualSha256 = sha256Hex(row.content_text);
  return { verified: actualSha256 === row.sha256 && canonicalJson(row.content) === row.content_text, actualSha256 };
}

function mapSummary(row: SnapshotRow) {
  return {
    id: row.id,
    kind: row.kind,
    orderId: row.order_id,
    unitId: row.unit_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    sha256: row.sha256,
    verificationCode: row.verification_code,
    verified: check(row).verified,
  };
}

export type SnapshotSummary = ReturnType<typeof mapSummary>;

/** What verification says about a snapshot. */
export interface SnapshotVerification {
  /** The content and every stored file match their recorded SHA-256. */
  valid: boolean;
  snapshotId: string;
  verificationCode: string | null;
  order: { number: string; date: string; title: string };
  unit: { code: string; name: string };
  producedAt: string;
  sha256: string;
  contentVerified: boolean;
  actualSha256: string;
  files: FileCheck[];
}

export interface FrozenSnapshot extends SnapshotSummary {
  parameters: Record<string, unknown>;
  /** Exactly the hashed text, parsed: never recomputed. */
  content: ExecutionReportContent;
}

/** Order execution reports frozen for the ministry. Owns `report_snapshot` (append-only). */
@Injectable()
export class ExecutionReportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly orders: OrderService,
    private readonly units: UnitService,
    private readonly compliance: ComplianceService,
    private readonly outcomes: OfficerOutcomeService,
    private readonly courses: CourseService,
    private readonly programmes: ProgrammeService,
    private readonly renderings: ReportRenderingService,
    private readonly audit: AuditService,
    private readonly attachments: ExecutionAttachments,
  ) {}

  /** The trust figures of the subtree from the order's date to the day of freezing (Asia/Almaty). */
  private trustFigures(ctx: RequestContext, unitId: string, orderDate: string, producedAt: Date): Promise<FrozenTrust> {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(producedAt);
    return this.attachments.trust(ctx, { unitId, from: orderDate < today ? orderDate : today, to: today });
  }

  /** Computes the order's compliance now and freezes it with its SHA-256, audited, in one transaction. */
  async create(ctx: RequestContext, orderId: string, dto: CreateExecutionReportDto): Promise<SnapshotCreated> {
    return this.tx.withTransaction(async () => {
      const order = await this.orders.get(ctx, orderId);
      const unit = await this.reportUnit(ctx, order, dto.unitId);
      const producedAt = new Date();
      const report = await this.compliance.compute({ unit, asOf: producedAt, order });
      const { items } = await this.outcomes.select({ unit, asOf: producedAt, order }, {});
      const refreshers = await this.outcomes.select(
        { unit, asOf: producedAt, order },
        { reason: 'complaint-refresher' },
      );
      // One after the other: the transaction's one connection runs one statement at a time.
      const courses = [];
      for (const id of report.filters.order?.courseIds ?? [])
        courses.push(await this.courses.get(RequestContext.system(), id));
      // The programme's course list as it is now, read in the same transaction as the figures: later changes
      // to the programme leave this report (and every file rendered from it) as it was.
      const programme = order.programmeId
        ? await this.programmes.get(RequestContext.system(), order.programmeId)
        : null;
      const content: ExecutionReportContent = {
        kind: 'order-execution',
        version: 3,
        requirement: {
          courses: courses
            .map((course) => ({ id: course.id, code: course.code, title: course.title }))
            .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
          programme: programme && {
            id: programme.id,
            code: programme.code,
            title: programme.title,
            courses: programme.courses.map((course) => ({ id: course.id, code: course.code, title: course.title })),
          },
        },
        officers: {
          completed: items.filter((officer) => officer.state === 'completed'),
          outstanding: items.filter((officer) => officer.state !== 'completed'),
          refreshers: refreshers.items,
        },
        order: {
          id: order.id,
          number: order.number,
          date: order.date,
          title: order.title,
          issuingAuthority: order.issuingAuthority,
          deadline: order.deadline,
          unitId: order.unitId,
          unitCode: order.unitCode,
        },
        producedAt: producedAt.toISOString(),
        producedBy: { userId: ctx.userId, username: ctx.actor?.username ?? (ctx.isSystem ? 'system' : null) },
        report,
        ...(dto.includeTrust ? { trust: await this.trustFigures(ctx, unit.id, order.date, producedAt) } : {}),
      };
      const contentText = canonicalJson(content);
      const sha256 = sha256Hex(contentText);
      const parameters = { orderId: order.id, unitId: unit.id, asOf: producedAt.toISOString() };
      const verificationCode = newVerificationCode();
      const [{ id }] = await this.tx.query<{ id: string }>(
        `INSERT INTO report_snapshot (kind, order_id, unit_id, parameters, content, content_text, sha256, created_by, created_at, verification_code)
         VALUES ('order-execution', $1, $2, $3, $4::text::jsonb, $4::text, $5, $6, $7, $8) RETURNING id`,
        [order.id, unit.id, JSON.stringify(parameters), contentText, sha256, ctx.userId, producedAt, verificationCode],
      );
      await this.audit.record(ctx, {
        action: 'report-snapshot.create',
        entityType: 'report_snapshot',
        entityId: id,
        unitPath: unit.path,
        after: { kind: 'order-execution', ...parameters, sha256 },
      });
      return { id, sha256, createdAt: producedAt, verificationCode };
    });
  }

  /** A snapshot of the caller's subtrees, as frozen; 409 `snapshot-tampered` when it no longer matches its hash. */
  async get(ctx: RequestContext, id: string): Promise<FrozenSnapshot> {
    const params: unknown[] = [id];
    const scope = subtreeCondition('u.path', ctx.subtrees(...REPORT_READERS), params);
    const [row] = await this.tx.query<SnapshotRow>(`${SNAPSHOT_SELECT} WHERE s.id = $1 AND ${scope}`, params);
    if (!row) throw new NotFound('Execution report', id);
    const { verified, actualSha256 } = check(row);
    if (!verified) throw new SnapshotTampered(id, row.sha256, actualSha256);
    return {
      ...mapSummary(row),
      parameters: row.parameters,
      content: JSON.parse(row.content_text) as ExecutionReportContent,
    };
  }

  /** HR's check of a snapshot of its subtrees: the content against its hash, each stored file against its own. */
  async verification(ctx: RequestContext, id: string): Promise<SnapshotVerification> {
    const params: unknown[] = [id];
    const scope = subtreeCondition('u.path', ctx.subtrees(...REPORT_READERS), params);
    const [row] = await this.tx.query<SnapshotRow>(`${SNAPSHOT_SELECT} WHERE s.id = $1 AND ${scope}`, params);
    if (!row) throw new NotFound('Execution report', id);
    return this.verify(row);
  }

  /**
   * The public check of a printed verification code: what the document is
   * (order, unit, when), whether its content and files still match their
   * hashes. An unknown or malformed code answers `valid: false`, nothing else.
   */
  async verifyCode(input: string): Promise<{ valid: boolean; report?: SnapshotVerification }> {
    const code = normalizeVerificationCode(input);
    if (!code) return { valid: false };
    const [row] = await this.tx.query<SnapshotRow>(`${SNAPSHOT_SELECT} WHERE s.verification_code = $1`, [code]);
    if (!row) return { valid: false };
    const report = await this.verify(row);
    return { valid: report.valid, report };
  }

  private async verify(row: SnapshotRow): Promise<SnapshotVerification> {
    const { verified, actualSha256 } = check(row);
    const content = JSON.parse(row.content_text) as ExecutionReportContent;
    const files = await this.renderings.check(row.id);
    return {
      valid: verified && files.every((file) => file.verified),
      snapshotId: row.id,
      verificationCode: row.verification_code,
      order: { number: content.order.number, date: content.order.date, title: content.order.title },
      unit: { code: content.report.unit.code, name: content.report.unit.name },
      producedAt: content.producedAt,
      sha256: row.sha256,
      contentVerified: verified,
      actualSha256,
      files,
    };
  }

  /** The order's snapshots within the caller's subtrees, newest first, each with its check. */
  async list(ctx: RequestContext, orderId: string, page: PageQuery): Promise<Page<SnapshotSummary>> {
    await this.orders.find(ctx, orderId);
    const params: unknown[] = [orderId];
    const scope = subtreeCondition('u.path', ctx.subtrees(...REPORT_READERS), params);
    const { rows, total } = await this.tx.page<SnapshotRow>({
      from: 'report_snapshot s JOIN unit u ON u.id = s.unit_id',
      select: SNAPSHOT_SELECT,
      where: `s.order_id = $1 AND ${scope}`,
      orderBy: 's.created_at DESC, s.id',
      params,
      page,
    });
    return { items: rows.map(mapSummary), total, limit: page.limit, offset: page.offset };
  }

  /**
   * The subtree reported on: the given unit (within the order's and the
   * caller's), else the order's unit when the caller manages it, else — for
   * an order issued above the caller — the caller's own top unit under it.
   */
  private async reportUnit(ctx: RequestContext, order: OrderView, unitId?: string): Promise<ReportUnit> {
    const orderUnit = await this.units.findInScope(RequestContext.system(), order.unitId, []);
    if (unitId) {
      const unit = await this.units.findInScope(ctx, unitId, REPORT_WRITERS);
      if (!unit.path.startsWith(orderUnit.path)) throw new UnitOutsideOrder();
      return unit;
    }
    const subtrees = ctx.subtrees(...REPORT_WRITERS);
    if (subtrees === null || subtrees.some((path) => orderUnit.path.startsWith(path))) return orderUnit;
    const below = (ctx.actor?.roles ?? [])
      .filter(
        (grant) =>
          (grant.role === 'admin' || REPORT_WRITERS.includes(grant.role)) && grant.unitPath.startsWith(orderUnit.path),
      )
      .sort((a, b) => a.unitPath.length - b.unitPath.length);
    if (below.length === 0) throw new NotFound('Order', order.id);
    return this.units.findInScope(ctx, below[0].unitId, REPORT_WRITERS);
  }
}
