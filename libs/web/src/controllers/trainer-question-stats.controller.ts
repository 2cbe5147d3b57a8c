import { Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QuestionStatsService, QuestionStatView } from '@lms/assessments';
import { CourseService, CourseVersionService } from '@lms/catalogue';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { Page, WebController } from '../http/page.decorators';

/** What a question's figures suggest fixing, if anything (thresholds of classical item analysis). */
export function questionHint(stat: QuestionStatView): 'negative' | 'hard' | 'weak' | 'easy' | null {
  const { discrimination: d, correctPercent: right } = stat;
  if (d !== null && d < 0) return 'negative';
  if (right !== null && right < 30) return 'hard';
  if (d !== null && d < 0.2) return 'weak';
  if (right !== null && right > 95) return 'easy';
  return null;
}

/**
 * A version's question statistics for its authors (others: 404, as in the
 * API): per question how often drawn and answered right, the wrong option
 * chosen most, the discrimination index, and a hint for a bad question.
 */
@WebController()
export class TrainerQuestionStatsController {
  constructor(
    private readonly stats: QuestionStatsService,
    private readonly versions: CourseVersionService,
    private readonly courses: CourseService,
  ) {}

  @Get('trainer/versions/:id/question-stats')
  @Roles('trainer')
  @Page('trainer/question-stats', 'trainer.stats.title')
  async page(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    const stats = await this.stats.forVersion(ctx, id);
    const version = await this.versions.get(ctx, id);
    const course = await this.courses.get(ctx, version.courseId);
    const options = new Map((version.quiz?.questions ?? []).flatMap((q) => q.options.map((o) => [o.id, o.text])));
    return {
      course,
      version,
      stats,
      questions: stats.questions.map((stat, index) => ({
        ...stat,
        n: index + 1,
        wrongText: stat.mostChosenWrong ? options.get(stat.mostChosenWrong.optionId) : null,
        hint: questionHint(stat),
      })),
    };
  }
}
