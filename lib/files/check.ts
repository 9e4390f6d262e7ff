import { inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { IMAGE_LIMIT_LABEL, IMAGE_MAX_BYTES, PDF_LIMIT_LABEL, UPLOAD_MAX_BYTES } from '@/lib/files/limits';

export type TUploadSlot = 'LOGO' | 'PHOTO' | 'DOCUMENT';
export type TFileKind = 'IMAGE' | 'DOCUMENT';

export const UPLOAD_SLOTS: readonly TUploadSlot[] = ['LOGO', 'PHOTO', 'DOCUMENT'];
/** Decoded pixels allowed per image: a tiny file claiming more is a decompression bomb. */
export const MAX_IMAGE_PIXELS = 40_000_000;
const MAX_NAME_LENGTH = 200;
/** Budget for inflating a PDF's compressed streams while looking for scripts. */
const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;

type TAllowedType = { kind: TFileKind; extensions: readonly string[]; label: string };

const ALLOWED_TYPES: Record<string, TAllowedType> = {
  'image/png': { kind: 'IMAGE', extensions: ['png'], label: 'PNG' },
  'image/jpeg': { kind: 'IMAGE', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  'image/webp': { kind: 'IMAGE', extensions: ['webp'], label: 'WebP' },
  'application/pdf': { kind: 'DOCUMENT', extensions: ['pdf'], label: 'PDF' },
};

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

const SLOT_TYPES: Record<TUploadSlot, { types: readonly string[]; refusal: string }> = {
  LOGO: { types: IMAGE_TYPES, refusal: '品牌标识只能上传 PNG、JPEG 或 WebP 图片' },
  PHOTO: { types: IMAGE_TYPES, refusal: '照片只能上传 PNG、JPEG 或 WebP 图片' },
  DOCUMENT: { types: [...IMAGE_TYPES, 'application/pdf'], refusal: '附件只能上传 PDF 文件或 PNG、JPEG、WebP 图片' },
};

// Extensions a web server or desktop might execute or render as active content.
const ACTIVE_EXTENSIONS = new Set([
  'php', 'php3', 'php4', 'php5', 'php7', 'phtml', 'phar', 'asp', 'aspx', 'ashx', 'jsp', 'jspx', 'cgi', 'pl', 'py', 'rb',
  'sh', 'bash', 'zsh', 'ksh', 'csh', 'exe', 'dll', 'com', 'bat', 'cmd', 'msi', 'scr', 'pif', 'cpl', 'vbs', 'vbe', 'js',
  'mjs', 'cjs', 'jse', 'wsf', 'wsh', 'hta', 'ps1', 'psm1', 'jar', 'class', 'apk', 'app', 'elf', 'so', 'dylib', 'bin',
  'run', 'html', 'htm', 'xhtml', 'shtml', 'svg', 'svgz', 'xml', 'swf', 'lnk', 'reg',
]);

const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload', 'application/x-elf', 'application/x-mach-binary', 'application/x-executable',
  'application/x-sharedlib', 'application/java-vm', 'application/x-ms-shortcut', 'application/wasm',
]);

const ARCHIVE_TYPES = new Set([
  'application/zip', 'application/x-rar-compressed', 'application/vnd.rar', 'application/x-7z-compressed',
  'application/gzip', 'application/x-gzip', 'application/x-bzip2', 'application/x-xz', 'application/x-tar',
  'application/zstd', 'application/x-lzip', 'application/x-compress', 'application/java-archive',
  'application/x-cpio', 'application/x-apple-diskimage', 'application/vnd.ms-cab-compressed',
]);

export type TInspectResult =
  | { ok: true; kind: TFileKind; mimeType: string; extension: string; size: number; width: number | null; height: number | null }
  | { ok: false; message: string };

type TInspectInput = { bytes: Buffer; fileName: string; slot: TUploadSlot };

const refuse = (message: string): TInspectResult => ({ ok: false, message });

/**
 * Decides whether an uploaded file may be stored. Everything is judged from the bytes: the name only
 * has to agree with them, and the client's content type is never consulted.
 */
export async function inspectUpload({ bytes, fileName, slot }: TInspectInput): Promise<TInspectResult> {
  const nameProblem = checkFileName(fileName);
  if (nameProblem) return refuse(nameProblem);
  if (bytes.length === 0) return refuse('文件是空的，请重新选择');
  if (bytes.length > UPLOAD_MAX_BYTES) return refuse(`文件不能超过 ${PDF_LIMIT_LABEL}`);

  const activeProblem = detectActiveContent(bytes);
  if (activeProblem) return refuse(activeProblem);

  const sniffed = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (!sniffed) return refuse('无法识别文件类型，请上传 PDF 文件或 PNG、JPEG、WebP 图片');
  if (EXECUTABLE_TYPES.has(sniffed.mime)) return refuse('不允许上传可执行程序');
  if (ARCHIVE_TYPES.has(sniffed.mime)) return refuse('不允许上传压缩包，请上传 PDF 文件或图片');
  const allowed = ALLOWED_TYPES[sniffed.mime];
  if (!allowed) return refuse(`不支持该文件类型（${sniffed.ext.toUpperCase()}），请上传 PDF 文件或 PNG、JPEG、WebP 图片`);
  if (!SLOT_TYPES[slot].types.includes(sniffed.mime)) return refuse(SLOT_TYPES[slot].refusal);

  const extension = extensionOf(fileName);
  if (!allowed.extensions.includes(extension)) {
    return refuse(`文件扩展名与内容不符：内容是 ${allowed.label}，请使用 .${allowed.extensions[0]} 扩展名`);
  }

  if (allowed.kind === 'IMAGE') {
    if (bytes.length > IMAGE_MAX_BYTES) return refuse(`图片不能超过 ${IMAGE_LIMIT_LABEL}`);
    const image = await checkImage(bytes);
    if (!image.ok) return image;
    return { ok: true, kind: 'IMAGE', mimeType: sniffed.mime, extension, size: bytes.length, width: image.width, height: image.height };
  }

  const pdfProblem = checkPdf(bytes);
  if (pdfProblem) return refuse(pdfProblem);
  return { ok: true, kind: 'DOCUMENT', mimeType: sniffed.mime, extension, size: bytes.length, width: null, height: null };
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function checkFileName(fileName: string): string | null {
  if (!fileName.trim()) return '文件名不能为空';
  if (fileName.length > MAX_NAME_LENGTH) return `文件名不能超过 ${MAX_NAME_LENGTH} 个字符`;
  if (/[\u0000-\u001f\u007f]/.test(fileName)) return '文件名含有控制字符，请重命名后上传';
  if (/[/\\]/.test(fileName)) return '文件名不能包含路径分隔符';
  const parts = fileName.toLowerCase().split('.').map((part) => part.trim());
  // Every part after the first counts: "a.php.jpg" and "a.jpg.php" both run as PHP on some servers.
  if (parts.slice(1).some((part) => ACTIVE_EXTENSIONS.has(part))) return '文件名含有可执行或脚本类扩展名，不允许上传';
  return null;
}

const TEXT_MARKERS = [/<\s*svg[\s>]/i, /<\s*script[\s>]/i, /<\s*html[\s>]/i, /<\s*!doctype\s+html/i, /<\s*iframe[\s>]/i, /<\?php/i, /<\?xml/i];

/** Scripts and markup have no magic number that file-type reports, so look for them first. */
function detectActiveContent(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1').replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '');
  if (head.startsWith('#!')) return '不允许上传脚本文件';
  if (TEXT_MARKERS.some((marker) => marker.test(head.trimStart().slice(0, 512)) && isMostlyText(bytes))) {
    return '不允许上传 SVG、HTML 等网页或脚本文件';
  }
  return null;
}

function isMostlyText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 512);
  let binary = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32)) binary += 1;
  return binary <= sample.length / 50;
}

type TImageCheck = { ok: true; width: number; height: number } | { ok: false; message: string };

async function checkImage(bytes: Buffer): Promise<TImageCheck> {
  // The header alone says how large the decoded image would be; refuse before decoding anything.
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => null);
  if (!metadata?.width || !metadata.height) return { ok: false, message: '图片已损坏或不完整，无法读取' };
  const frames = metadata.pages ?? 1;
  if (metadata.width * metadata.height * frames > MAX_IMAGE_PIXELS) {
    return { ok: false, message: '图片尺寸过大（超过 4000 万像素），请缩小后再上传' };
  }
  try {
    await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated' }).rotate().resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch {
    return { ok: false, message: '图片已损坏或不完整，无法读取' };
  }
  return { ok: true, width: metadata.width, height: metadata.height };
}

// PDF names may hide letters as #xx hex escapes (/J#61vaScript); names are decoded before matching.
const SCRIPT_PDF_NAMES = /\/(JS|JavaScript|AA|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData|GoToE)(?![A-Za-z0-9])/;
// An OpenAction that only shows a page is harmless; one that opens a link or another file on opening is not.
const OPEN_ACTION_LINK = /\/OpenAction\s*<<[^>]{0,300}\/S\s*\/(URI|GoToR)/;

function checkPdf(bytes: Buffer): string | null {
  const text = bytes.toString('latin1');
  if (!text.startsWith('%PDF-')) return 'PDF 文件格式不正确';
  if (/\/Encrypt(?![A-Za-z0-9])/.test(decodePdfNames(text))) return '加密的 PDF 无法检查，请上传未加密的文件';
  if (containsScript(text)) return 'PDF 含有脚本、自动动作或嵌入文件，不允许上传';
  let budget = MAX_PDF_INFLATED_BYTES;
  for (const stream of flateStreams(bytes, text)) {
    let inflated: Buffer;
    try {
      inflated = inflateSync(stream, { maxOutputLength: budget });
    } catch (error) {
      if (error instanceof RangeError) return 'PDF 内容异常（压缩数据过大），无法检查';
      continue;
    }
    budget -= inflated.length;
    if (containsScript(inflated.toString('latin1'))) return 'PDF 含有脚本、自动动作或嵌入文件，不允许上传';
  }
  return null;
}

function decodePdfNames(text: string): string {
  return text.replace(/\/[^\s/<>[\]()%{}]+/g, (name) => name.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

function containsScript(text: string): boolean {
  const decoded = decodePdfNames(text);
  return SCRIPT_PDF_NAMES.test(decoded) || OPEN_ACTION_LINK.test(decoded);
}

/** The raw data of every stream whose dictionary uses FlateDecode, except images (which cannot hold scripts). */
function* flateStreams(bytes: Buffer, text: string): Generator<Buffer> {
  const streamStart = /(?<![A-Za-z])stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamStart.exec(text))) {
    const dictionary = text.slice(Math.max(0, match.index - 1024), match.index);
    const lastDictionary = dictionary.slice(dictionary.lastIndexOf('obj'));
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) return;
    streamStart.lastIndex = end + 'endstream'.length;
    if (!/\/FlateDecode/.test(lastDictionary) || /\/Subtype\s*\/Image/.test(lastDictionary)) continue;
    yield bytes.subarray(start, end);
  }
}
