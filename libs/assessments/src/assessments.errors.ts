import { Conflict, DomainError, FieldProblem, ValidationFailed } from '@lms/core';

export class NoQuiz extends Conflict {
  constructor() {
    super('no-quiz', 'The course version this enrolment follows has no quiz');
  }
}

export class NoRubric extends Conflict {
  constructor() {
    super('no-rubric', 'The course version this enrolment follows has no practical rubric');
  }
}

export class QuizAlreadyPassed extends Conflict {
  constructor() {
    super('quiz-already-passed', 'The quiz of this enrolment has already been passed');
  }
}

export class PracticalAlreadyPassed extends Conflict {
  constructor() {
    super('practical-already-passed', 'The practical assessment of this enrolment has already been passed');
  }
}

export class AttemptsExhausted extends Conflict {
  constructor(maxAttempts: number) {
    super('attempts-exhausted', `All ${maxAttempts} attempt(s) allowed for this course version are used`, {
      maxAttempts,
    });
  }
}

/** Submitted already, or recorded as expired. */
export class AttemptClosed extends Conflict {
  constructor(status: string) {
    super('attempt-closed', `The attempt is ${status}; it cannot be submitted again`, { attemptStatus: status });
  }
}

export class AttemptExpired extends Conflict {
  constructor(deadline: Date) {
    super('attempt-expired', 'The time for this attempt ran out; it is recorded as failed', {
      deadline: deadline.toISOString(),
    });
  }
}

export class InvalidAnswers extends ValidationFailed {
  constructor(problems: FieldProblem[]) {
    super('The answers do not fit the attempt', problems, 'invalid-answers');
  }
}

export class InvalidScores extends ValidationFailed {
  constructor(problems: FieldProblem[]) {
    super('The scores do not fit the rubric', problems, 'invalid-scores');
  }
}

/** A trainer who is also an officer does not grade their own enrolment. */
export class OwnEnrollment extends DomainError {
  constructor() {
    super('forbidden', 'own-enrollment', 'You cannot assess your own enrolment');
  }
}
