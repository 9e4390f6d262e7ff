// Next's standalone output (next.config.js `output: 'standalone'`): `next build` writes a server with only the files it
// needs to <distDir>/standalone; the static assets and public/ are copied beside it, as Next's docs ask.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './pg.mjs';

export const distDir = () => process.env.NEXT_DIST_DIR || '.next';

/** The standalone server of the current build, with its static files in place; throws when there is no build. */
export function prepareStandalone(dir = distDir()) {
  const standalone = path.join(ROOT, dir, 'standalone');
  const server = path.join(standalone, 'server.js');
  if (!existsSync(server)) throw new Error(`没有找到 ${path.relative(ROOT, server)}：请先运行 npm run build（next.config.js 需 output: 'standalone'）。`);
  cpSync(path.join(ROOT, dir, 'static'), path.join(standalone, dir, 'static'), { recursive: true });
  if (existsSync(path.join(ROOT, 'public'))) cpSync(path.join(ROOT, 'public'), path.join(standalone, 'public'), { recursive: true });
  return { server, cwd: standalone };
}
