// The direction of dependencies between libraries (docs/ARCHITECTURE.md, "Rules
// between libraries"): each library under libs/ (and the migrations folder) may
// import only those listed for it. Apps and tests sit above them all.
export const LAYERS = {
  core: [],
  migrations: ['core'],
  personnel: ['core'],
  identity: ['core', 'personnel', 'jobs'],
  // the job queue: plumbing every domain may register work with
  jobs: ['core'],
  // what the system tells users: the inbox and its e-mails
  notifications: ['core', 'personnel', 'identity', 'jobs'],
  catalogue: ['core', 'identity'],
  assignments: ['core', 'personnel', 'catalogue', 'jobs', 'notifications'],
  seminars: ['core', 'personnel', 'identity', 'catalogue', 'assignments', 'jobs', 'notifications'],
  assessments: ['core', 'catalogue', 'assignments'],
  certificates: ['core', 'personnel', 'catalogue', 'assignments'],
  reports: ['core', 'personnel', 'catalogue', 'assignments', 'jobs'],
  // public trust: citizens' feedback, surveys, complaints and the indicators set beside training
  trust: ['core', 'personnel', 'catalogue', 'assignments'],
  // the demo organisation and a year of its training, loaded through each domain's services
  demo: ['core', 'personnel', 'identity', 'catalogue', 'assignments', 'seminars', 'assessments', 'trust'],
  // the server-rendered pages: they call the domains' services like the API controllers do
  web: [
    'core',
    'personnel',
    'identity',
    'notifications',
    'catalogue',
    'assignments',
    'seminars',
    'assessments',
    'certificates',
    'reports',
    'trust',
  ],
  // the composition root: every entity, migration and module
  platform: [
    'core',
    'migrations',
    'personnel',
    'identity',
    'jobs',
    'notifications',
    'catalogue',
    'assignments',
    'seminars',
    'assessments',
    'certificates',
    'reports',
    'trust',
    'demo',
  ],
};

/** Where a layer's files live. */
export const layerPath = (name) => (name === 'migrations' ? 'migrations' : `libs/${name}`);
