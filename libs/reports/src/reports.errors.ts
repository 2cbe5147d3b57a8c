import { Conflict, ValidationFailed } from '@lms/core';

/** Every problem code the reports library answers with (besides the common ones). */
export enum ReportsProblem {
  SnapshotTampered = 'snapshot-tampered',
  AsOfInFuture = 'as-of-in-future',
  UnitOutsideOrder = 'unit-outside-order',
}

/** The stored content no longer hashes to the stored SHA-256: someone changed the table behind the trigger. */
export class SnapshotTampered extends Conflict {
  constructor(id: string, storedSha256: string, actualSha256: string) {
    super(
      ReportsProblem.SnapshotTampered,
      `Report snapshot ${id} no longer matches its SHA-256; it was changed after it was made`,
      {
        snapshotId: id,
        storedSha256,
        actualSha256,
      },
    );
  }
}

export class AsOfInFuture extends ValidationFailed {
  constructor() {
    super(
      'A report cannot be made as of a future moment',
      [{ field: 'asOf', message: 'is in the future' }],
      ReportsProblem.AsOfInFuture,
    );
  }
}

export class UnitOutsideOrder extends ValidationFailed {
  constructor() {
    super(
      "The unit is not within the order's subtree",
      [{ field: 'unitId', message: "must lie within the order's unit" }],
      ReportsProblem.UnitOutsideOrder,
    );
  }
}
