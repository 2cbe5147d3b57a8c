import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, RequestContext, TransactionHost } from '@lms/core';
import { CertificateService } from '@lms/certificates';
import { UserService } from '@lms/identity';
import { ANONYMISED_NAME, OfficerService } from '@lms/personnel';

export interface AnonymisationResult {
  /** Officers dismissed (last changed) before this moment were anonymised. */
  cutoff: Date;
  officers: number;
  accounts: number;
  certificates: number;
}

/**
 * The end of the retention period for dismissed officers: their name and
 * personnel number, their account's name and contact details and the name on
 * their certificates are replaced, each by the domain that owns them, in one
 * transaction. What the statistics count by (unit, rank, service type,
 * enrolments, attendance, results) stays, so compliance figures do not move;
 * frozen report snapshots and the audit trail are evidence and are left as
 * they are (the snapshots' hashes still verify).
 */
@Injectable()
export class AnonymisationService {
  private readonly logger = new Logger('Privacy');

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'retentionYears'>,
    private readonly clock: Clock,
    private readonly tx: TransactionHost,
    private readonly officers: OfficerService,
    private readonly users: UserService,
    private readonly certificates: CertificateService,
  ) {}

  /** The moment before which a dismissed officer's record must have last changed to be anonymised. */
  cutoff(now = this.clock.now()): Date {
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - this.config.retentionYears);
    return cutoff;
  }

  async anonymiseDismissed(ctx: RequestContext = RequestContext.system(), now?: Date): Promise<AnonymisationResult> {
    const cutoff = this.cutoff(now);
    const result = await this.tx.withTransaction(async () => {
      const ids = await this.officers.anonymiseDismissed(ctx, cutoff);
      return {
        cutoff,
        officers: ids.length,
        accounts: await this.users.anonymiseForOfficers(ctx, ids),
        certificates: await this.certificates.anonymiseHolders(ids, ANONYMISED_NAME),
      };
    });
    if (result.officers)
      this.logger.log(
        `anonymised ${result.officers} officer(s) dismissed before ${cutoff.toISOString()} (${result.accounts} account(s), ${result.certificates} certificate(s))`,
      );
    return result;
  }
}
