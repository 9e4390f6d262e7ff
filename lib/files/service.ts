import { db, type TTx } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { inspectUpload, type TUploadSlot } from '@/lib/files/check';
import { processUpload, type TProcessedObject } from '@/lib/files/process';
import { fileStorage, type TFileStorage } from '@/lib/files/storage';
import { cleanText } from '@/lib/http/clean';

export type TUploadInput = { bytes: Buffer; fileName: string; slot: TUploadSlot };

type TContext = { actorId: string | null; ip?: string | null; tx?: TTx; storage?: TFileStorage };

export type TUploadedFile = {
  id: string;
  kind: 'IMAGE' | 'DOCUMENT';
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  originalName: string;
  thumbUrl: string | null;
};

export const fileUrl = (id: string, variant?: 'thumb' | 'medium') => `/api/files/${id}${variant ? `?variant=${variant}` : ''}`;

/** What to select of a stored file to list it in the upload component. */
export const UPLOADED_FILE_SELECT = { id: true, kind: true, mimeType: true, size: true, width: true, height: true, originalName: true } as const;

export function uploadedFileOf(file: { id: string; kind: 'IMAGE' | 'DOCUMENT'; mimeType: string; size: number; width: number | null; height: number | null; originalName: string }): TUploadedFile {
  return { ...file, thumbUrl: file.kind === 'IMAGE' ? fileUrl(file.id, 'thumb') : null };
}

/**
 * Check → re-encode → store the objects → record the row and its audit entry. The objects are written
 * first; if the row cannot be written they are deleted again, so storage holds no unreferenced files.
 */
export async function storeUpload(input: TUploadInput, { actorId, ip, tx, storage = fileStorage() }: TContext): Promise<TUploadedFile> {
  // Bidi controls would make "报告\u202Efdp.png" show as "报告gnp.pdf": the name is judged and kept without them.
  const originalName = cleanText(input.fileName).trim().normalize('NFC');
  const inspection = await inspectUpload({ ...input, fileName: originalName });
  if (!inspection.ok) throw new AppError('INVALID_INPUT', inspection.message);
  const processed = await processUpload(input.bytes, inspection.kind, inspection.mimeType);
  const objects: TProcessedObject[] = [processed.main, ...Object.values(processed.variants)];
  const written: string[] = [];
  try {
    for (const object of objects) {
      await storage.put(object.key, object.bytes, processed.mimeType);
      written.push(object.key);
    }
    const variants = Object.fromEntries(
      Object.entries(processed.variants).map(([name, object]) => [name, { key: object.key, width: object.width, height: object.height, size: object.bytes.length }]),
    );
    const write = async (client: TTx) => {
      const file = await client.storedFile.create({
        data: {
          kind: processed.kind,
          storageKey: processed.main.key,
          mimeType: processed.mimeType,
          size: processed.main.bytes.length,
          sha256: processed.sha256,
          originalName,
          width: processed.main.width,
          height: processed.main.height,
          variants,
          uploadedById: actorId,
        },
      });
      await recordAudit(client, { actorId, ip }, {
        action: 'upload-file',
        entityType: 'StoredFile',
        entityId: file.id,
        after: { slot: input.slot, kind: file.kind, mimeType: file.mimeType, size: file.size, sha256: file.sha256, originalName },
      });
      return file;
    };
    const file = tx ? await write(tx) : await db.$transaction(write);
    return {
      id: file.id,
      kind: file.kind,
      mimeType: file.mimeType,
      size: file.size,
      width: file.width,
      height: file.height,
      originalName,
      thumbUrl: file.kind === 'IMAGE' ? fileUrl(file.id, 'thumb') : null,
    };
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
}
