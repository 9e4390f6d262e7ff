import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { PairingForm } from '@/components/pairing/pairing-form';
import { requirePageUser } from '@/lib/http/page';
import { loadPairingFormOptions } from '@/lib/pairing/queries';
import { shanghaiToday } from '@/lib/pairing/service';

export const metadata = { title: '新建结对' };

export default async function NewPairingPage() {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const options = await loadPairingFormOptions(user);
  return (
    <>
      <PageHeader
        title="新建结对"
        description="品牌组织与后进党支部结对，或机关与企业结对帮扶"
        actions={<Link href="/pairings/lagging" className="text-sm text-brand-700 underline">认定后进党支部</Link>}
      />
      <Card>
        <PairingForm options={options} today={await shanghaiToday()} />
      </Card>
    </>
  );
}
