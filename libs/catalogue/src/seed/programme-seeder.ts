import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, RequestContext, TransactionHost } from '@lms/core';
import { CourseDocumentDto } from '../dto/course.dto';
import { CourseDocumentService } from '../services/course-document.service';
import { ProgrammeService } from '../services/programme.service';

/** The ministry's seminar programme, as proposed: the five courses in order. */
export const SEED_PROGRAMME = {
  code: 'MVD-COMM-2026',
  title: {
    kk: 'Полиция қызметкерлерінің коммуникативтік құзыреттілігін арттыру бағдарламасы',
    ru: 'Программа повышения коммуникативной компетентности сотрудников полиции',
    en: 'Communication competence programme for police officers',
  },
  description: {
    kk: 'Азаматтармен сенім орнату, қақтығыстарды басқару, қарым-қатынас психологиясы, төтенше жағдайлар және кәсіби әдеп бойынша семинарлар циклі.',
    ru: 'Цикл семинаров о доверии граждан, управлении конфликтами, психологии общения, критических ситуациях и профессиональной этике.',
    en: 'A seminar series on citizens’ trust, conflict handling, the psychology of communication, critical situations and professional ethics.',
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

/** Loads and publishes the seed courses that are not there yet, and the programme. Safe to run twice. */
@Injectable()
export class ProgrammeSeeder {
  private readonly logger = new Logger('Programme');

  constructor(
    private readonly tx: TransactionHost,
    private readonly documents: CourseDocumentService,
    private readonly programmes: ProgrammeService,
  ) {}

  /** Returns what was created, and the programme with its courses in order (as they now are). */
  async seed(): Promise<{
    coursesCreated: number;
    programmeCreated: boolean;
    programmeId: string;
    courseIds: string[];
  }> {
    const ctx = RequestContext.system();
    return this.tx.withTransaction(async () => {
      const courseIds: string[] = [];
      let coursesCreated = 0;
      for (const { document } of seedDocuments()) {
        const [existing] = await this.tx.query<{ id: string }>('SELECT id FROM course WHERE code = $1', [
          document.course.code,
        ]);
        if (existing) {
          courseIds.push(existing.id);
          continue;
        }
        const version = await this.documents.import(ctx, document, true);
        courseIds.push(version.courseId);
        coursesCreated++;
      }
      const [programme] = await this.tx.query<{ id: string }>('SELECT id FROM programme WHERE code = $1', [
        SEED_PROGRAMME.code,
      ]);
      const programmeId = programme?.id ?? (await this.programmes.create(ctx, { ...SEED_PROGRAMME, courseIds })).id;
      this.logger.log(
        `seminar programme: ${coursesCreated} course(s) loaded, programme ${programme ? 'already there' : 'created'}`,
      );
      return {
        coursesCreated,
        programmeCreated: !programme,
        programmeId,
        courseIds: await this.programmes.courseIds(programmeId),
      };
    });
  }
}
