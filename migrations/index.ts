import { MigrationClass } from '@lms/core';
import { Initial1795619862350 } from './1795619862350-Initial';
import { GuardsAndSearchIndexes1795619870000 } from './1795619870000-GuardsAndSearchIndexes';
import { Catalogue1795620787644 } from './1795620787644-Catalogue';
import { Assignments1795621292572 } from './1795621292572-Assignments';
import { Seminars1795621930726 } from './1795621930726-Seminars';

/** In order of application. */
export const MIGRATIONS: MigrationClass[] = [
  Initial1795619862350,
  GuardsAndSearchIndexes1795619870000,
  Catalogue1795620787644,
  Assignments1795621292572,
  Seminars1795621930726,
];
