// One way out for text messages. `dev` keeps the text in sms_messages (the admin page /admin/sms shows it, so the demo
// and the e2e tests can read codes); `http` posts to the provider's gateway. Every message is recorded either way,
// the production record without its text (codes are secrets).
import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

export type TSmsMessage = { phone: string; text: string; /** Template parameters for providers that send by template. */ params: Record<string, string> };

export interface TSmsSender {
  readonly name: 'dev' | 'http';
  /** Resolves when the provider accepted the message; throws with a reason otherwise. */
  send(message: TSmsMessage): Promise<void>;
}

const devSender: TSmsSender = {
  name: 'dev',
  async send() {
    // Nothing leaves the machine: the record written by sendSms is the message.
  },
};

/**
 * The HTTP adapter: POST SMS_HTTP_URL with JSON { phone, signName, templateId, params, text } and
 * `Authorization: Bearer SMS_HTTP_TOKEN`; any 2xx answer means accepted. A thin gateway (or the provider's own HTTP
 * API behind a small proxy) maps this to 阿里云 / 腾讯云 短信.
 */
function httpSender(): TSmsSender {
  const { SMS_HTTP_URL: url, SMS_HTTP_TOKEN: token, SMS_SIGN_NAME: signName, SMS_TEMPLATE_ID: templateId } = env();
  return {
    name: 'http',
    async send(message) {
      if (!url) throw new Error('未配置 SMS_HTTP_URL');
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ phone: message.phone, signName, templateId: templateId ?? null, params: message.params, text: message.text }),
        signal: AbortSignal.timeout(8000),
      });
      if (!response.ok) throw new Error(`短信网关返回 ${response.status}`);
    },
  };
}

export function smsSender(): TSmsSender {
  return env().SMS_DRIVER === 'http' ? httpSender() : devSender;
}

/** Sends and records one message; false when the provider refused or could not be reached. */
export async function sendSms(message: TSmsMessage, sender = smsSender()): Promise<boolean> {
  let error: string | null = null;
  try {
    await sender.send(message);
  } catch (caught) {
    error = caught instanceof Error ? caught.message.slice(0, 300) : '发送失败';
    log.error('短信发送失败', { driver: sender.name, reason: error });
  }
  await db.smsMessage.create({
    data: { phone: message.phone, body: sender.name === 'dev' ? message.text : null, driver: sender.name, status: error ? 'FAILED' : 'SENT', error },
  });
  return !error;
}
