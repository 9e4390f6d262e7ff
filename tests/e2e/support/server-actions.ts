import { readFileSync } from 'node:fs';
import path from 'node:path';

type TManifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The id Next gave a server action in this build, to POST it directly as an attacker would. */
export function serverActionId(filename: string, exportedName: string): string {
  const manifestPath = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as TManifest;
  const entry = Object.entries(manifest.node).find(([, value]) => value.filename === filename && value.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${filename}#${exportedName} is not in the build`);
  return entry[0];
}
