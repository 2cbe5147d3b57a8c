import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The stylesheet, the script and the icon sit in src/assets (copied by the build), served under /assets. */
export const ASSETS_DIR = join(__dirname, '..', 'assets');
export const ASSET_FILES = ['app.css', 'app.js', 'icon.svg'] as const;

/** A short hash of the assets, appended to their URLs so a new release is never served from a stale cache. */
export const ASSET_VERSION = createHash('sha256')
  .update(ASSET_FILES.map((file) => readFileSync(join(ASSETS_DIR, file))).join('\n'))
  .digest('hex')
  .slice(0, 10);
