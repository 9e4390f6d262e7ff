import { readFileSync } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db';

// What this build serves, read from Next's own manifests, so a page, route or server action added later is covered by
// the sweeps without a list to keep up to date.

const serverFile = (name: string) => JSON.parse(readFileSync(path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server', name), 'utf8'));

/** `app/(workspace)/admin/orgs/page` or `/(public)/gallery/page` → `/admin/orgs`, `/gallery`. */
function urlPattern(entry: string): string {
  const pattern = entry
    .replace(/^app(?=\/)/, '')
    .replace(/\/\([^)]+\)/g, '')
    .replace(/\/(page|route)$/, '');
  return pattern || '/';
}

/** The app's pages and route handlers as URL patterns with their dynamic segments (`/campaigns/[id]/vote`). */
export function appPaths(): { pages: string[]; routes: string[] } {
  const entries = Object.keys(serverFile('app-paths-manifest.json') as Record<string, string>).filter((entry) => !/\/_(global-error|not-found)\//.test(entry));
  return {
    pages: entries.filter((entry) => entry.endsWith('/page')).map(urlPattern),
    routes: entries.filter((entry) => entry.endsWith('/route')).map(urlPattern),
  };
}

export type TServerAction = { id: string; filename: string; exportedName: string; page: string };

/** Every server action of the build, with a page that imports it (where the browser would post it). */
export function serverActions(): TServerAction[] {
  const manifest = serverFile('server-reference-manifest.json') as { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, action]) => ({
    id,
    filename: action.filename,
    exportedName: action.exportedName,
    page: urlPattern(Object.keys(action.workers)[0] ?? 'app/page').replace(/\[[^\]]+\]/g, 'x'),
  }));
}

/** Real ids from the seeded database for each kind of dynamic segment, so a sweep reaches past "not found". */
export async function sampleIds(): Promise<Record<string, string>> {
  const [campaign, application, user, expert, decision, objection, honor, assignment, file] = await Promise.all([
    db.campaign.findFirst({ where: { status: { not: 'DRAFT' } }, select: { id: true }, orderBy: { createdAt: 'asc' } }),
    db.application.findFirst({ where: { status: { not: 'DRAFT' } }, select: { id: true } }),
    db.user.findFirst({ where: { loginName: 'sec-xfl' }, select: { id: true } }),
    db.user.findFirst({ where: { loginName: 'expert1' }, select: { id: true } }),
    db.decision.findFirst({ select: { id: true } }),
    db.objection.findFirst({ select: { id: true, trackingCode: true } }),
    db.honor.findFirst({ select: { certificateNo: true } }),
    db.reviewAssignment.findFirst({ select: { id: true } }),
    db.storedFile.findFirst({ select: { id: true } }),
  ]);
  return {
    campaigns: campaign?.id ?? 'x',
    applications: application?.id ?? 'x',
    users: user?.id ?? 'x',
    files: file?.id ?? 'x',
    applicationId: application?.id ?? 'x',
    campaignId: campaign?.id ?? 'x',
    decisionId: decision?.id ?? 'x',
    objectionId: objection?.id ?? 'x',
    userId: expert?.id ?? 'x',
    assignmentId: assignment?.id ?? 'x',
    no: honor?.certificateNo ?? 'x',
    code: objection?.trackingCode ?? 'x',
    '...nextauth': 'session',
  };
}

/** The pattern with every dynamic segment filled: `[id]` by the folder before it, others by their name; `suffix` is appended. */
export function fillSegments(pattern: string, ids: Record<string, string>, suffix = ''): string {
  const parts = pattern.split('/');
  return parts
    .map((part, index) => {
      const name = /^\[(.+)\]$/.exec(part)?.[1];
      if (!name) return part;
      return `${encodeURIComponent(ids[name === 'id' ? parts[index - 1] : name] ?? 'x')}${suffix}`;
    })
    .join('/');
}
