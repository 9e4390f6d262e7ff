import { MAX_IMPORT_BYTES } from '@/lib/import/columns';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

/** Refuses what cannot be an .xlsx before parsing it: too large, empty, old .xls, or not a zip at all. */
export function uploadProblem(file: { size: number; head: Uint8Array }): string | null {
  if (file.size === 0) return '请选择要导入的 Excel 文件';
  if (file.size > MAX_IMPORT_BYTES) return `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请分批导入`;
  if (startsWith(file.head, OLE_MAGIC)) return '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入';
  if (!startsWith(file.head, ZIP_MAGIC)) return '文件不是 .xlsx 格式，请使用下载的模板填写后上传';
  return null;
}
