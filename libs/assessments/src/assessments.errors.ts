import { Conflict, DomainError, FieldProblem, ValidationFailed } from '@lms/core';
import { CatalogueProblem } from '@lms/catalogue';

/** Every problem code the assessments library answers with (besides the common ones). */
export enum AssessmentsProblem {
  NoQuiz = 'no-quiz',
  NoRubric = 'no-rubric',
  QuizAlreadyPassed = 'quiz-already-passed',
  PracticalAlreadyPassed = 'practical-already-passed',
  AttemptsExhausted = 'attempts-exhausted',
  AttemptClosed = 'attempt-closed',
  AttemptExpired = 'attempt-expired',
  InvalidAnswers = 'invalid-answers',
  InvalidScores = 'invalid-scores',
  AuthorOfQuiz = 'author-of-quiz',
}

/** What assessment routes answer besides the common codes: their own, and a course with no published version yet (pinned at the first attempt or scoring). */
export const ASSESSMENTS_ROUTE_PROBLEMS: string[] = [
  ...Object.values(AssessmentsProblem),
  CatalogueProblem.CourseNotPublished,
];

export class NoQuiz extends Conflict {
  constructor() {
    super(AssessmentsProblem.NoQuiz, 'The course version this enrolment follows has no quiz');
  }
}

export class NoRubric extends Conflict {
  constructor() {
    super(AssessmentsProblem.NoRubric, 'The course version this enrolment follows has no practical rubric');
  }
}

export class QuizAlreadyPassed extends Conflict {
  constructor() {
    super(AssessmentsProblem.QuizAlreadyPassed, 'The quiz of this enrolment has already been passed');
  }
}

export class PracticalAlreadyPassed extends Conflict {
  constructor() {
    super(
      AssessmentsProblem.PracticalAlreadyPassed,
      'The practical assessment of this enrolment has already been passed',
    );
  }
}

export class AttemptsExhausted extends Conflict {
  constructor(maxAttempts: number) {
    super(
      AssessmentsProblem.AttemptsExhausted,
      `All ${maxAttempts} attempt(s) allowed for this course version are used`,
      {
        maxAttempts,
      },
    );
  }
}

/** Submitted already, or recorded as expired. */
export class AttemptClosed extends Conflict {
  constructor(status: string) {
    super(AssessmentsProblem.AttemptClosed, `The attempt is ${status}; it cannot be submitted again`, {
      attemptStatus: status,
    });
  }
}

export class AttemptExpired extends Conflict {
  constructor(deadline: Date) {
    super(AssessmentsProblem.AttemptExpired, 'The time for this attempt ran out; it is recorded as failed', {
      deadline: deadline.toISOString(),
    });
  }
}

export class InvalidAnswers extends ValidationFailed {
  constructor(problems: FieldProblem[]) {
    super('The answers do not fit the attempt', problems, AssessmentsProblem.InvalidAnswers);
  }
}

export class InvalidScores extends ValidationFailed {
  constructor(problems: FieldProblem[]) {
    super('The scores do not fit the rubric', problems, AssessmentsProblem.InvalidScores);
  }
}

/** Whoever may author a course can read its answer key, so does not take its quiz. */
export class AuthorOfQuiz extends DomainError {
  constructor() {
    super('forbidden', AssessmentsProblem.AuthorOfQuiz, 'You may author this course, so you cannot take its quiz');
  }
}
