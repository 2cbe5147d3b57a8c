import { Conflict, DomainError } from '@lms/core';

export class UnitCodeTaken extends Conflict {
  constructor(code: string) {
    super('unit-code-taken', `A unit with code ${code} already exists`);
  }
}

export class UnitCycle extends Conflict {
  constructor() {
    super('unit-cycle', 'A unit cannot be moved under itself or one of its descendants');
  }
}

export class UnitHasChildrenOrOfficers extends Conflict {
  constructor() {
    super('unit-in-use', 'The unit still has sub-units or officers');
  }
}

export class RootUnitForbidden extends DomainError {
  constructor() {
    super(
      'forbidden',
      'root-unit-forbidden',
      'Only the system or an administrator of the whole tree can create or move a root unit',
    );
  }
}

export class PersonnelNumberTaken extends Conflict {
  constructor(number: string) {
    super('personnel-number-taken', `An officer with personnel number ${number} already exists`);
  }
}

export class UnsupportedImportType extends DomainError {
  constructor(contentType: string | undefined) {
    super(
      'unsupported-media-type',
      'unsupported-media-type',
      `Officer import expects text/csv, not ${contentType ?? 'no content type'}`,
    );
  }
}
