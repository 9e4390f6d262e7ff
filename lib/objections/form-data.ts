// Reads a server action's FormData: text fields as strings, attachments as bytes with their names.
import type { TObjectionAttachment } from '@/lib/objections/service';

export const textOf = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** The chosen files of an input (a browser sends an empty, nameless part when none is chosen). */
export async function uploadsOf(form: FormData, name = 'attachments'): Promise<TObjectionAttachment[]> {
  const files = form.getAll(name).filter((part): part is File => typeof part !== 'string' && part.size > 0);
  return Promise.all(files.map(async (file) => ({ bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name })));
}
