import { ValidationFailed } from '@lms/core';

export class AsOfInFuture extends ValidationFailed {
  constructor() {
    super(
      'A report cannot be made as of a future moment',
      [{ field: 'asOf', message: 'is in the future' }],
      'as-of-in-future',
    );
  }
}
