// Pure rules of a public comment (群众意见), shared by the form and the service: length, no links, and what the
// refusals say. Links are refused in every spelling a phone keyboard makes easy: http(s)://, www., and domain-like
// text (名字.com, 名字.cn …), also in full-width characters (ｗｗｗ．, ：／／) — normalised with NFKC before the check.

export const COMMENT_MAX_LENGTH = 500;
export const COMMENT_MIN_LENGTH = 2;
/** Comments one phone may leave in a day (any subject), and one network address. */
export const COMMENTS_PER_PHONE_PER_DAY = 5;
export const COMMENTS_PER_IP_PER_DAY = 30;

const SCHEME = /\b(?:https?|ftp):\/\//i;
const WWW = /\bwww\d{0,3}\./i;
// A name, a dot and a common top-level domain, not followed by more letters (so 3.5 or 第1.2条 pass).
const DOMAIN = /[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|info|top|xyz|vip|shop|site|online|club|cc|co|io|me|tv|app|link|ly|biz|wang|ink|fun|tech|store|pro|live|work|asia|hk|tw|us|uk|ru|jp)(?![a-z])/i;

/** Whether the text contains something that reads as a web address. */
export function containsLink(text: string): boolean {
  const normalized = text.normalize('NFKC').replace(/[。．｡]/g, '.');
  return SCHEME.test(normalized) || WWW.test(normalized) || DOMAIN.test(normalized);
}

/** The refusal for a comment body, or null when it may go in. */
export function commentBodyProblem(body: string): string | null {
  const text = body.trim();
  if (text.length < COMMENT_MIN_LENGTH) return '请填写意见内容（至少 2 个字）';
  if (text.length > COMMENT_MAX_LENGTH) return `意见内容不能超过 ${COMMENT_MAX_LENGTH} 字（现有 ${text.length} 字）`;
  if (containsLink(text)) return '意见中不能包含网址或链接（如 http://、www.、xxx.com），请删去后再提交';
  return null;
}
