import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, RequestContext, TransactionHost } from '@lms/core';
import { CourseDocumentDto } from '../dto/course.dto';
import { CourseDocumentService } from '../services/course-document.service';
import { CourseVersionService } from '../services/course-version.service';
import { CourseService } from '../services/course.service';
import { TRAINER_QUALIFICATIONS } from '../entities/programme-rule.entity';
import { ProgrammeRuleService } from '../services/programme-rule.service';
import { ProgrammeService } from '../services/programme.service';
import { VersionContent } from '../services/version-content';
import { BankSeeder, BankSeedResult } from './bank-seeder';
import { sameAsSeed } from './seed-content';

/** The ministry's seminar programme, as the thesis proposes it: its courses are the seed files, in order. */
export const SEED_PROGRAMME = {
  code: 'MVD-COMM-2026',
  title: {
    kk: 'Полиция қызметкерлерінің коммуникативтік құзыреттілігін арттыру бағдарламасы',
    ru: 'Программа повышения коммуникативной компетентности сотрудников полиции',
    en: 'Communication competence programme for police officers',
  },
  description: {
    kk: 'Азаматтардың сенімі, қарым-қатынас психологиясы, қақтығыстарды басқару, сыни жағдайлар, кәсіби әдеп пен полиция имиджі, азаматтармен серіктестік және сенім мониторингі бойынша алты семинар курсы — полиция имиджі мен халық сенімі туралы магистрлік диссертацияның ұсынысы бойынша.',
    ru: 'Шесть семинарских курсов о доверии граждан, психологии общения, управлении конфликтами, критических ситуациях, профессиональной этике и имидже полиции, партнёрстве с гражданами и мониторинге доверия — по предложению магистерской диссертации об имидже полиции и доверии населения.',
    en: 'Six seminar courses on citizens’ trust, the psychology of communication, conflict handling, critical situations, professional ethics and the image of the police, partnership with citizens and trust monitoring — as proposed by the master’s thesis on the image of the police and public trust.',
  },
};

/** The programme's course documents, in order (file names start with their position). */
export function seedDocuments(dir = join(__dirname, 'programme')): { file: string; document: CourseDocumentDto }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const document = plainToInstance(CourseDocumentDto, raw);
      const errors = validateSync(document, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        const list = flattenValidationErrors(errors)
          .map((e) => `${e.field}: ${e.message}`)
          .join('; ');
        throw new Error(`seed course ${file} is not valid: ${list}`);
      }
      return { file, document };
    });
}

/** Validated documents are class instances; what the database gives back is plain JSON. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** What a run of the seeder did. */
export interface ProgrammeSeedResult {
  coursesCreated: number;
  /** New published versions of courses that were already there. */
  versionsPublished: number;
  /** Courses whose seed content changed but which have a draft in progress: left for their authors. */
  coursesWithDraft: string[];
  programme: 'created' | 'updated' | 'unchanged';
  programmeId: string;
  /** The programme's courses, in order. */
  courseIds: string[];
  /** The scenario bank and the drill plan. */
  bank: BankSeedResult;
  /** The programme got its rule that a qualified trainer runs its seminars (first run only). */
  seminarRuleSet: boolean;
}

/**
 * Loads the seed programme. A course not there yet is imported and published;
 * a course whose latest published version says something else than its file
 * gets a new published version (a published version is never edited). Safe to
 * run twice: the second run changes nothing.
 */
@Injectable()
export class ProgrammeSeeder {
  private readonly logger = new Logger('Programme');

  constructor(
    private readonly tx: TransactionHost,
    private readonly documents: CourseDocumentService,
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
    private readonly programmes: ProgrammeService,
    private readonly rules: ProgrammeRuleService,
    private readonly bank: BankSeeder,
  ) {}

  async seed(): Promise<ProgrammeSeedResult> {
    const ctx = RequestContext.system();
    return this.tx.withTransaction(async () => {
      const result: ProgrammeSeedResult = {
        coursesCreated: 0,
        versionsPublished: 0,
        coursesWithDraft: [],
        programme: 'unchanged',
        programmeId: '',
        courseIds: [],
        bank: { scenarioRevisions: 0, drillRevisions: 0, plan: 'unchanged' },
        seminarRuleSet: false,
      };
      const courseIds: string[] = [];
      for (const { document } of seedDocuments()) {
        const [existing] = await this.tx.query<{ id: string; title: unknown; description: unknown }>(
          'SELECT id, title, description FROM course WHERE code = $1',
          [document.course.code],
        );
        if (!existing) {
          const version = await this.documents.import(ctx, document, true);
          courseIds.push(version.courseId);
          result.coursesCreated++;
          continue;
        }
        courseIds.push(existing.id);
        const { title, description } = document.course;
        if (!isDeepStrictEqual([existing.title, existing.description], plain([title, description ?? null])))
          await this.courses.update(ctx, existing.id, { title, description });
        await this.refresh(ctx, existing.id, document, result);
      }
      [result.programme, result.programmeId] = await this.placeCourses(ctx, courseIds);
      result.courseIds = courseIds;
      // The thesis: the seminars are run by professional trainers (psychology, conflictology, communication), not HR staff.
      result.seminarRuleSet = await this.rules.setDefault(result.programmeId, TRAINER_QUALIFICATIONS);
      result.bank = await this.bank.seed();
      this.logger.log(
        `seminar programme: ${result.coursesCreated} course(s) loaded, ${result.versionsPublished} new version(s) published, programme ${result.programme}`,
      );
      return result;
    });
  }

  /** Publishes the document as the course's next version unless its latest published version already says it. */
  private async refresh(
    ctx: RequestContext,
    courseId: string,
    document: CourseDocumentDto,
    result: ProgrammeSeedResult,
  ): Promise<void> {
    const [latest] = await this.tx.query<{ content: VersionContent }>(
      `SELECT content FROM course_version WHERE course_id = $1 AND status = 'published' ORDER BY number DESC LIMIT 1`,
      [courseId],
    );
    if (latest && sameAsSeed(latest.content, document.version)) return;
    const [draft] = await this.tx.query(`SELECT 1 FROM course_version WHERE course_id = $1 AND status = 'draft'`, [
      courseId,
    ]);
    if (draft) {
      this.logger.warn(`${document.course.code}: a draft is in progress, so the seed content was not published`);
      result.coursesWithDraft.push(document.course.code);
      return;
    }
    const next = await this.versions.createDraft(ctx, courseId);
    await this.versions.update(ctx, next.id, document.version);
    await this.versions.publish(ctx, next.id);
    result.versionsPublished++;
  }

  /** Creates the programme, or brings its texts and course list in line with the seed; returns what it did and its id. */
  private async placeCourses(
    ctx: RequestContext,
    courseIds: string[],
  ): Promise<[ProgrammeSeedResult['programme'], string]> {
    const [programme] = await this.tx.query<{ id: string; title: unknown; description: unknown }>(
      'SELECT id, title, description FROM programme WHERE code = $1',
      [SEED_PROGRAMME.code],
    );
    if (!programme) return ['created', (await this.programmes.create(ctx, { ...SEED_PROGRAMME, courseIds })).id];
    const same =
      isDeepStrictEqual(await this.programmes.courseIds(programme.id), courseIds) &&
      isDeepStrictEqual(programme.title, SEED_PROGRAMME.title) &&
      isDeepStrictEqual(programme.description, SEED_PROGRAMME.description);
    if (same) return ['unchanged', programme.id];
    const { title, description } = SEED_PROGRAMME;
    await this.programmes.update(ctx, programme.id, { title, description, courseIds });
    return ['updated', programme.id];
  }
}
