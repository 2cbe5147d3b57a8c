import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { ProgrammeSeeder } from '@lms/catalogue';
import { RequestContext, toCsv, TransactionHost } from '@lms/core';
import { PasswordService, RolePolicyService, UserService } from '@lms/identity';
import { CSV_COLUMNS, OfficerImportService, UnitService } from '@lms/personnel';
import { TrainerProfileService } from '@lms/seminars';
import { demoOfficers, demoUnits } from './demo-organisation';
import { DemoDrillsSeeder } from './history/demo-drills.seeder';
import { DemoHistorySeeder } from './history/demo-history.seeder';

/** Demo accounts, listed in the README. Only ever created by the demo setup. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', password: 'Admin-demo-2026', role: 'admin', unit: 'MVD', displayName: 'Жұмабеков Ерлан' },
  { username: 'hr.almaty', password: 'Hr-almaty-2026', role: 'hr', unit: 'ALM', displayName: 'Серікбаева Динара' },
  { username: 'hr.astana', password: 'Hr-astana-2026', role: 'hr', unit: 'AST', displayName: 'Тоқтаров Арман' },
  { username: 'trainer', password: 'Trainer-demo-2026', role: 'trainer', unit: 'MVD', displayName: 'Ахметова Сәуле' },
  // The officer's name comes from the personnel record.
  { username: 'officer', password: 'Officer-demo-2026', role: 'officer', unit: null, displayName: null },
] as const;

/** What the demo trainer is qualified in (the thesis asks for psychology, conflictology and communication methods). */
const DEMO_TRAINER_QUALIFICATIONS = {
  qualifications: [
    { area: 'psychology' as const, evidence: 'Диплом психолога / Psychology degree', qualifiedOn: '2018-06-30' },
    {
      area: 'conflictology' as const,
      evidence: 'Курс конфликтологии / Conflict management course',
      qualifiedOn: '2022-03-15',
    },
  ],
};

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly importer: OfficerImportService,
    private readonly users: UserService,
    private readonly passwords: PasswordService,
    private readonly policies: RolePolicyService,
    private readonly programme: ProgrammeSeeder,
    private readonly history: DemoHistorySeeder,
    private readonly trainers: TrainerProfileService,
    private readonly drills: DemoDrillsSeeder,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    const [{ count }] = await this.tx.query<{ count: number }>('SELECT count(*)::int AS count FROM unit');
    if (count > 0) return false;
    await this.seed();
    return true;
  }

  /**
   * Demo accounts that still sign in with their published password (the
   * README's): while any does, the demo must not face a network.
   */
  async accountsWithDemoPasswords(): Promise<string[]> {
    const open: string[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const user = await this.users.byUsername(account.username);
      if (user && (await this.passwords.verify(user.password_hash, account.password))) open.push(account.username);
    }
    return open;
  }

  /**
   * The whole demo organisation, its officers and accounts, the programme
   * and a year of training up to `now`, in one transaction.
   */
  async seed(now = new Date()): Promise<void> {
    const started = Date.now();
    const ctx = RequestContext.system();
    await this.tx.withTransaction(async () => {
      const ids = new Map<string, string>();
      for (const unit of demoUnits()) {
        const existing = await this.tx.query<{ id: string }>('SELECT id FROM unit WHERE code = $1', [unit.code]);
        const id =
          existing[0]?.id ??
          (
            await this.units.create(ctx, {
              code: unit.code,
              name: unit.name,
              names: unit.names,
              parentId: unit.parent ? ids.get(unit.parent)! : null,
            })
          ).id;
        ids.set(unit.code, id);
      }
      const officers = demoOfficers();
      const csv = toCsv(
        officers.map((o) => [
          o.personnelNumber,
          o.fullName,
          o.rank,
          o.position,
          o.serviceType,
          o.unitCode,
          o.status,
          o.language,
        ]),
        { header: CSV_COLUMNS },
      );
      const imported = await this.importer.import(ctx, Readable.from([csv]));
      const officerAccount = officers.find((o) => o.status === 'active' && o.unitCode === 'ALM-BOST-UP')!;
      const [{ id: officerId, unit_id: officerUnit }] = await this.tx.query<{ id: string; unit_id: string }>(
        'SELECT id, unit_id FROM officer WHERE personnel_number = $1',
        [officerAccount.personnelNumber],
      );
      for (const account of DEMO_ACCOUNTS) {
        if (await this.users.byUsername(account.username)) continue;
        const isOfficer = account.role === 'officer';
        const id = await this.users.insert(
          account.username,
          await this.passwords.hash(account.password),
          isOfficer ? officerId : null,
          false,
        );
        await this.users.writeGrants(id, [
          { role: account.role, unitId: isOfficer ? officerUnit : ids.get(account.unit)! },
        ]);
        // Staff accounts carry a person's name, as calendars, rosters and sign-in sheets show it.
        if (account.displayName) await this.users.setDisplayName(id, account.displayName);
        // The programme's seminars are run by a qualified trainer: the demo trainer is one.
        if (account.role === 'trainer') await this.trainers.setQualifications(ctx, id, DEMO_TRAINER_QUALIFICATIONS);
      }
      // The demo is for trying things out: no second factor required for anyone.
      await this.policies.waiveSecondFactorForAll();
      const programme = await this.programme.seed();
      const year = await this.history.seed(programme.courseIds, programme.programmeId, now);
      const drills = year ? await this.drills.seed(now) : 0;
      this.logger.log(
        `demo data loaded in ${Date.now() - started} ms: ${ids.size} units, ${imported.created} officers, ` +
          `${DEMO_ACCOUNTS.length} accounts; ` +
          (year
            ? `${year.enrolments} enrolments, ${year.certificates} certificates, ${year.attempts} quiz attempts, ` +
              `${year.practicals} practical assessments, ${year.pastSessions} past and ${year.upcomingSessions} ` +
              `upcoming seminars (${year.bookings} bookings); ${year.trust.feedback} citizens' feedback, ` +
              `${year.trust.surveyResponses} survey answers, ${year.trust.complaints} complaints, ` +
              `${year.trust.refreshers} refresher assigned; ${drills} weekly drills`
            : 'the programme was already in use: its history left as it is'),
      );
    });
  }
}
