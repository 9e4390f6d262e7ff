import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { TEXT_SECTIONS } from '@/components/application/application-sections';
import type { TApplicationValues } from '@/lib/application/schema';
import type { TUploadedFile } from '@/lib/files/service';
import { fileUrl } from '@/lib/files/service';

type TViewProps = {
  values: TApplicationValues;
  organizationName: string;
  fieldName: string | null;
  criteria: readonly { id: string; name: string }[];
  files?: { logo: TUploadedFile[]; photos: TUploadedFile[]; documents: TUploadedFile[] };
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[8rem_1fr] sm:gap-4">
      <dt className="text-sm text-stone-500">{label}</dt>
      <dd className="whitespace-pre-wrap break-words text-sm text-stone-900">{children || <span className="text-stone-500">未填写</span>}</dd>
    </div>
  );
}

/** The application as submitted, read-only. */
function FileLinks({ files }: { files: TUploadedFile[] }) {
  if (files.length === 0) return <span className="text-stone-500">无</span>;
  return (
    <ul className="flex flex-wrap gap-3">
      {files.map((file) => (
        <li key={file.id} className="max-w-40">
          <a href={fileUrl(file.id)} target="_blank" rel="noopener" className="block text-sm text-brand-800 underline">
            {file.thumbUrl && (
              // eslint-disable-next-line @next/next/no-img-element -- served by our own access-checked route, not the image optimizer
              <img src={file.thumbUrl} alt={file.originalName} className="mb-1 h-24 w-auto rounded border border-stone-200 object-contain" />
            )}
            <span className="break-all">{file.originalName}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ApplicationView({ values, organizationName, fieldName, criteria, files }: TViewProps) {
  return (
    <div className="space-y-4">
      <Card title="基本信息">
        <dl className="divide-y divide-stone-100">
          <Row label="申报单位">{organizationName}</Row>
          <Row label="所属领域">{fieldName ?? ''}</Row>
          <Row label="党组织书记">{values.secretaryName}</Row>
          <Row label="联系人">{values.contactName}</Row>
          <Row label="联系电话">{values.contactPhone}</Row>
        </dl>
      </Card>
      <Card title="品牌名称与标识">
        <dl className="divide-y divide-stone-100">
          <Row label="品牌名称">{values.brandName}</Row>
          <Row label="品牌口号">{values.slogan}</Row>
          {files && <Row label="品牌标识"><FileLinks files={files.logo} /></Row>}
          {files && <Row label="工作照片"><FileLinks files={files.photos} /></Row>}
          {files && <Row label="证明材料"><FileLinks files={files.documents} /></Row>}
        </dl>
      </Card>
      {TEXT_SECTIONS.map((section) => (
        <Card key={section.key} title={section.title}>
          <p className="whitespace-pre-wrap break-words text-sm leading-relaxed text-stone-900">{values[section.key] || <span className="text-stone-500">未填写</span>}</p>
        </Card>
      ))}
      {criteria.length > 0 && (
        <Card title="自评">
          <dl className="divide-y divide-stone-100">
            {criteria.map((criterion) => (
              <Row key={criterion.id} label={criterion.name}>{values.selfAssessment[criterion.id] ?? ''}</Row>
            ))}
          </dl>
        </Card>
      )}
    </div>
  );
}
