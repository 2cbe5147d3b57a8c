// The direction of dependencies between libraries (docs/ARCHITECTURE.md, "Rules
// between libraries"): each library under libs/ (and the migrations folder) may
// import only those listed for it. Apps and tests sit above them all.
export const LAYERS = {
  core: [],
  migrations: ['core'],
  personnel: ['core'],
  identity: ['core', 'personnel'],
  catalogue: ['core', 'identity'],
  assignments: ['core', 'personnel', 'catalogue'],
  seminars: ['core', 'personnel', 'identity', 'catalogue', 'assignments'],
  assessments: ['core', 'catalogue', 'assignments'],
  certificates: ['core', 'personnel', 'catalogue', 'assignments'],
  reports: ['core', 'personnel', 'catalogue', 'assignments'],
  // the demo organisation and a year of its training, loaded through each domain's services
  demo: ['core', 'personnel', 'identity', 'catalogue', 'assignments', 'seminars', 'assessments'],
  // the server-rendered pages: they call the domains' services like the API controllers do
  web: ['core', 'personnel', 'identity', 'catalogue', 'assignments', 'seminars', 'assessments', 'certificates'],
  // the composition root: every entity, migration and module
  platform: [
    'core',
    'migrations',
    'personnel',
    'identity',
    'catalogue',
    'assignments',
    'seminars',
    'assessments',
    'certificates',
    'reports',
    'demo',
  ],
};

/** Where a layer's files live. */
export const layerPath = (name) => (name === 'migrations' ? 'migrations' : `libs/${name}`);
