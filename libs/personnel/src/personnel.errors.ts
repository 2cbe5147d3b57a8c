import { CommonProblem, Conflict, DomainError } from '@lms/core';

/** Every problem code the personnel library answers with (besides the common ones). */
export enum PersonnelProblem {
  UnitCodeTaken = 'unit-code-taken',
  UnitCycle = 'unit-cycle',
  UnitInUse = 'unit-in-use',
  RootUnitForbidden = 'root-unit-forbidden',
  PersonnelNumberTaken = 'personnel-number-taken',
}

export class UnitCodeTaken extends Conflict {
  constructor(code: string) {
    super(PersonnelProblem.UnitCodeTaken, `A unit with code ${code} already exists`);
  }
}

export class UnitCycle extends Conflict {
  constructor() {
    super(PersonnelProblem.UnitCycle, 'A unit cannot be moved under itself or one of its descendants');
  }
}

export class UnitHasChildrenOrOfficers extends Conflict {
  constructor() {
    super(PersonnelProblem.UnitInUse, 'The unit still has sub-units or officers');
  }
}

export class RootUnitForbidden extends DomainError {
  constructor() {
    super(
      'forbidden',
      PersonnelProblem.RootUnitForbidden,
      'Only the system or an administrator of the whole tree can create or move a root unit',
    );
  }
}

export class PersonnelNumberTaken extends Conflict {
  constructor(number: string) {
    super(PersonnelProblem.PersonnelNumberTaken, `An officer with personnel number ${number} already exists`);
  }
}

export class UnsupportedImportType extends DomainError {
  constructor(contentType: string | undefined) {
    super(
      'unsupported-media-type',
      CommonProblem.UnsupportedMediaType,
      `Officer import expects text/csv, not ${contentType ?? 'no content type'}`,
    );
  }
}
