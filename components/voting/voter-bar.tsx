import Link from 'next/link';
import { ForgetPhoneButton } from '@/components/voting/forget-phone-button';
import { VoteButton } from '@/components/voting/vote-button';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import type { TVoterView } from '@/lib/voting/current-voter';
import type { TVotingCampaign } from '@/lib/voting/queries';

/** The window, the rules, and who is voting with what is left today (or how to start). */
export function VoterBar({ campaign, view, back }: { campaign: TVotingCampaign; view: TVoterView; back: string }) {
  const { window } = campaign;
  return (
    <>
      {window.status === 'open' && window.endsAt && (
        <Alert tone="info">
          投票截止 {formatDateTime(window.endsAt)}。每人每天可投 {campaign.votesPerVoterPerDay} 票，同一品牌每天 {campaign.votesPerEntryPerDay} 票
          {campaign.votesPerVoterTotal ? `，活动期间共 ${campaign.votesPerVoterTotal} 票` : ''}。
        </Alert>
      )}
      {window.status === 'upcoming' && window.startsAt && <Alert tone="warning">投票将于 {formatDateTime(window.startsAt)} 开始。</Alert>}
      {window.status === 'closed' && (
        <Alert tone="info">
          {campaign.resultsVisibility === 'LIVE' ? '投票已结束，感谢参与。以下为各品牌的最终有效票数。' : '投票已结束，结果将随评定结果公布。'}
        </Alert>
      )}
      {window.status === 'disabled' && <Alert tone="warning">本活动不设网络投票。</Alert>}
      {window.status === 'open' &&
        (view.voter ? (
          view.voter.voterId ? (
            <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900" aria-live="polite">
              <p>
                {view.voter.label}，{view.totalUsedUp ? '本次活动的票数已用完。' : <>今天还可投 <strong className="text-lg">{view.left}</strong> 票。</>}
              </p>
              {view.voter.kind === 'PUBLIC' && <ForgetPhoneButton campaignId={campaign.id} />}
            </div>
          ) : (
            <Alert tone="warning">您的账号不在本次活动的党员投票范围内。</Alert>
          )
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm">
            <p>{campaign.publicVotingEnabled ? '党员登录账号、群众验证手机号后即可投票。' : '党员请登录后投票。'}</p>
            <div className="flex gap-2">
              {campaign.publicVotingEnabled && campaign.memberVotingEnabled && (
                <Link href={`/login?next=${encodeURIComponent(back)}`} className={buttonClass('secondary')}>党员登录</Link>
              )}
              <Link href={view.signInHref(back)} className={buttonClass('primary')}>
                {campaign.publicVotingEnabled ? '手机号验证投票' : '登录投票'}
              </Link>
            </div>
          </div>
        ))}
    </>
  );
}

/** Whether an entry shows a vote control at all: not once voting has ended (the counts or the notice take its place). */
export const hasVoteAction = (campaign: TVotingCampaign) => campaign.window.status === 'open' || campaign.window.status === 'upcoming';

/** One entry's vote control: the button, or the way in for someone who has not identified yet. */
export function VoteAction({ campaign, view, entry, back }: { campaign: TVotingCampaign; view: TVoterView; entry: { applicationId: string; brandName: string; organizationPath: string }; back: string }) {
  if (!hasVoteAction(campaign)) return null;
  if (view.voter || campaign.window.status !== 'open') {
    return <VoteButton campaignId={campaign.id} applicationId={entry.applicationId} brandName={entry.brandName} disabledReason={view.disabledReason(entry.applicationId, entry.organizationPath)} />;
  }
  // The name starts with the words on the button (WCAG 2.5.3: a voice-control user says what they see).
  const label = campaign.publicVotingEnabled ? '验证后投票' : '登录投票';
  return (
    <Link href={view.signInHref(back)} className={buttonClass('primary', 'w-full')} aria-label={`${label}：${entry.brandName}`}>
      {label}
    </Link>
  );
}
