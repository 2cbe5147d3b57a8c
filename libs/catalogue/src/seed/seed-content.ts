import { isDeepStrictEqual } from 'node:util';
import type { VersionContentDto } from '../dto/version-content.dto';
import { applyPatch, emptyContent, VersionContent } from '../services/version-content';

/**
 * What a version says, without the ids an import makes up: the seed files
 * leave lesson, question and option ids out, so two imports of one file
 * differ only there. Criterion ids are fixed in the files (the scenario bank
 * refers to them), so they count.
 */
function withoutGeneratedIds(content: VersionContent) {
  return {
    ...content,
    lessons: content.lessons.map(({ id: _id, ...lesson }) => lesson),
    quiz: content.quiz && {
      ...content.quiz,
      questions: content.quiz.questions.map(({ id: _id, options, ...question }) => ({
        ...question,
        options: options.map(({ id: _option, ...option }) => option),
      })),
    },
  };
}

/** Whether a stored version already says what a seed document says (so no new version is due). */
export function sameAsSeed(stored: VersionContent, seed: VersionContentDto): boolean {
  return isDeepStrictEqual(withoutGeneratedIds(stored), withoutGeneratedIds(applyPatch(emptyContent(), seed)));
}
