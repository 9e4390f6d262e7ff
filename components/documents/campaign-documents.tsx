import { DocumentSettingsForm } from '@/components/documents/document-settings-form';
import { Card } from '@/components/ui/card';
import type { TCampaignDocuments } from '@/lib/documents/queries';
import { formatDateTime } from '@/lib/format';

const FORMAT_LABELS = { pdf: 'PDF', xlsx: 'Excel' } as const;
const linkClass = 'inline-flex min-h-10 items-center rounded-md border border-stone-300 px-3 text-sm text-brand-700 hover:bg-stone-50';

/** 文书: every stage's official document of the campaign in one place, the 文号 settings and what has been issued. */
export function CampaignDocuments({ data, readOnly = false }: { data: TCampaignDocuments; readOnly?: boolean }) {
  return (
    <Card id="documents" title="文书" actions={<span className="text-xs text-stone-600">发文单位：{data.settings.issuer} · 文号如 {data.settings.example}</span>}>
      <p className="mb-3 text-sm text-stone-600">每次下载按当时的数据生成；内容未变时沿用原文号和日期，内容变了编新文号。</p>
      <ul className="divide-y divide-stone-200" data-testid="campaign-documents">
        {data.kinds.map((kind) => (
          <li key={kind.key} className="py-3">
            <p className="font-medium text-stone-900">{kind.label}</p>
            <p className="text-sm text-stone-600">{kind.description}</p>
            {kind.links.length === 0 ? (
              <p className="mt-1 text-sm text-stone-500">尚无</p>
            ) : (
              <ul className="mt-2 space-y-2">
                {kind.links.map((link) => (
                  <li key={link.label ?? kind.key} className="flex flex-wrap items-center gap-2">
                    {/* One row per organization: its name, then the formats (the kind is the heading above). */}
                    {link.label && <span className="w-full min-w-0 text-sm text-stone-800 sm:w-48">{link.label}</span>}
                    {link.hrefs.map(({ format, href }) =>
                      link.label ? (
                        <a key={format} href={href} download aria-label={`${kind.label} · ${link.label}（${FORMAT_LABELS[format]}）`} className={linkClass}>
                          {FORMAT_LABELS[format]}
                        </a>
                      ) : (
                        <a key={format} href={href} download className={linkClass}>
                          {kind.label}（{FORMAT_LABELS[format]}）
                        </a>
                      ),
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {data.issued.length > 0 && (
        <details className="mt-4">
          <summary className="min-h-10 cursor-pointer py-2 text-sm font-medium text-stone-800">已印发的文书（{data.issued.length}）</summary>
          <div className="overflow-x-auto">
            <table className="mt-2 w-full text-left text-sm">
              <thead className="text-stone-600">
                <tr>
                  <th className="py-1 pr-3 font-medium">文号</th>
                  <th className="py-1 pr-3 font-medium">文书</th>
                  <th className="py-1 pr-3 font-medium">单位</th>
                  <th className="py-1 pr-3 font-medium">印发</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {data.issued.map((row) => (
                  <tr key={row.id}>
                    <td className="py-1 pr-3 whitespace-nowrap">{row.number}</td>
                    <td className="py-1 pr-3">{row.kindLabel}</td>
                    <td className="py-1 pr-3">{row.scopeOrg.name}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">
                      {formatDateTime(row.issuedAt)} {row.issuedBy?.displayName ?? ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {!readOnly && (
        <div className="mt-4 border-t border-stone-200 pt-4">
          <h3 className="mb-2 text-sm font-semibold text-stone-900">文书设置</h3>
          <DocumentSettingsForm
            campaignId={data.campaign.id}
            documentNumberPattern={data.settings.documentNumberPattern}
            documentIssuer={data.settings.documentIssuer}
            defaultPattern={data.settings.defaultPattern}
            defaultIssuer={data.settings.defaultIssuer}
          />
        </div>
      )}
    </Card>
  );
}
