import { entryPosition, recommendingChain } from '@/lib/campaign/recommendation-chain';

type TProgressInput = {
  status: string;
  organization: { path: string };
  campaign: { ownerOrgId: string; recommendingDepths: number[] };
  recommendations: { organizationId: string; decision: 'PENDING' | 'RECOMMENDED' | 'NOT_RECOMMENDED'; reason: string | null; organization: { name: string } }[];
  qualification: { result: 'PASSED' | 'FAILED' } | null;
};

export type TProgress = { text: string; tone: 'info' | 'success' | 'warning' };

/** Where a submitted entry stands on its way up, in words the branch understands; null before submission. */
export function describeProgress(application: TProgressInput, levelNames: ReadonlyMap<string, string>): TProgress | null {
  if (application.status !== 'SUBMITTED') return null;
  const chain = recommendingChain(application.organization.path, application.campaign.ownerOrgId, application.campaign.recommendingDepths);
  const position = entryPosition(chain, new Map(application.recommendations.map((row) => [row.organizationId, row.decision])));
  const nameOf = (id: string) => application.recommendations.find((row) => row.organizationId === id)?.organization.name ?? levelNames.get(id) ?? '上级党组织';
  const recommendedBy = chain.filter((id) => application.recommendations.some((row) => row.organizationId === id && row.decision === 'RECOMMENDED')).map(nameOf);
  const before = recommendedBy.length ? `已获${recommendedBy.join('、')}推荐，` : '';
  if (position.kind === 'AT_LEVEL') return { text: `${before}${nameOf(position.organizationId)}审核推荐中`, tone: 'info' };
  if (position.kind === 'STOPPED') {
    const reason = application.recommendations.find((row) => row.organizationId === position.organizationId)?.reason;
    return { text: `${before}${nameOf(position.organizationId)}未推荐${reason ? `：${reason}` : ''}`, tone: 'warning' };
  }
  if (application.qualification?.result === 'PASSED') return { text: `${before}已通过资格审查`, tone: 'success' };
  return { text: `${before}组织部资格审查中`, tone: 'info' };
}
