// The outgoing mail server: named by the environment (KEHOACH_SMTP_URL, KEHOACH_MAIL_FROM) at
// installation, or entered by an administrator in the app, which then takes precedence; a test
// message tells at once whether it works. The password is kept to send with and never shown again.

import { clearSetting, readSetting, writeSetting } from "../db/settings.repository.js";
import { inTransaction } from "../db/transaction.js";
import { DomainError } from "../domain/errors.js";
import { audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { createMailer, type Mailer, type SmtpServer } from "./mailer.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

const KEY = "smtp";

export interface SmtpSettings extends SmtpServer {
  /** "kehoach <kehoach@so-gddt.gov.vn>" */
  from: string;
}

export interface MailSettingsView {
  /** "admin": entered in the app; "env": from the environment; "none": mail is off. */
  source: "admin" | "env" | "none";
  host: string | null;
  port: number | null;
  secure: boolean;
  user: string | null;
  hasPassword: boolean;
  from: string | null;
}

export interface MailSettingsInput {
  /** Empty: back to the environment's server (or none). */
  host: string;
  port: number;
  secure: boolean;
  user?: string | null | undefined;
  /** Left out or empty: the password kept stays. */
  password?: string | null | undefined;
  from: string;
}

// "smtp://user:password@mail.so-gddt.gov.vn:587" or "smtps://…" (465).
function fromUrl(url: string, from: string): SmtpSettings | null {
  try {
    const u = new URL(url);
    const secure = u.protocol === "smtps:";
    return {
      host: u.hostname,
      port: Number(u.port) || (secure ? 465 : 587),
      secure,
      user: u.username ? decodeURIComponent(u.username) : null,
      password: u.password ? decodeURIComponent(u.password) : null,
      from,
    };
  } catch {
    return null;
  }
}

async function stored(ctx: ServiceContext): Promise<SmtpSettings | null> {
  const value = (await readSetting(ctx.db, KEY)) as SmtpSettings | null;
  return value?.host ? value : null;
}

/** The server mail goes through now: the administrator's, else the environment's, else none. */
export async function effectiveSmtp(ctx: ServiceContext): Promise<SmtpSettings | null> {
  const env = ctx.smtpFromEnv;
  return (await stored(ctx)) ?? (env ? fromUrl(env.url, env.from) : null);
}

export async function mailSettings(ctx: ServiceContext, actor: Actor): Promise<MailSettingsView> {
  ensureAllowed(may.administer(actor));
  const own = await stored(ctx);
  const s = own ?? (await effectiveSmtp(ctx));
  if (!s)
    return {
      source: "none",
      host: null,
      port: null,
      secure: false,
      user: null,
      hasPassword: false,
      from: null,
    };
  return {
    source: own ? "admin" : "env",
    host: s.host,
    port: s.port,
    secure: s.secure,
    user: s.user,
    hasPassword: !!s.password,
    from: s.from,
  };
}

// "mail.so-gddt.gov.vn", "10.0.0.5"
const HOST = /^[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*$/;
// "kehoach <kehoach@so-gddt.gov.vn>" or "kehoach@so-gddt.gov.vn"
const FROM = /^(?:[^<>\r\n]{1,100}<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

export async function saveMailSettings(
  ctx: ServiceContext,
  actor: Actor,
  input: MailSettingsInput,
): Promise<MailSettingsView> {
  ensureAllowed(may.administer(actor));
  const host = input.host.trim();
  if (!host) {
    await inTransaction(ctx.db, async (trx) => {
      await clearSetting(trx, KEY);
      await audit(ctx, trx, actor, {
        action: "setting.smtp",
        objectType: "setting",
        objectId: KEY,
        after: null,
      });
    });
    return mailSettings(ctx, actor);
  }
  const problems: Array<{ field: string; reason: string }> = [];
  if (!HOST.test(host) || host.length > 253)
    problems.push({ field: "host", reason: "tên máy chủ không hợp lệ" });
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65_535)
    problems.push({ field: "port", reason: "từ 1 đến 65535" });
  const from = input.from.trim();
  if (!FROM.test(from))
    problems.push({ field: "from", reason: "cần một địa chỉ thư, như kehoach <kehoach@so-gddt.gov.vn>" });
  if (problems.length)
    throw new DomainError("mail.settings_invalid", "Thiết lập máy chủ thư không hợp lệ.", problems);
  const before = await stored(ctx);
  const user = input.user?.trim() || null;
  // The password is kept unless a new one is typed; without a user there is none to keep.
  const password = user ? input.password || before?.password || null : null;
  const settings: SmtpSettings = { host, port: input.port, secure: input.secure, user, password, from };
  await inTransaction(ctx.db, async (trx) => {
    await writeSetting(trx, KEY, settings, actor.id, ctx.clock.now());
    await audit(ctx, trx, actor, {
      action: "setting.smtp",
      objectType: "setting",
      objectId: KEY,
      after: { host, port: input.port, secure: input.secure, user, from },
    });
  });
  return mailSettings(ctx, actor);
}

// "truongphong@so-gddt.gov.vn"
const ADDRESS = /^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/;

/** Sends a test message through the server as it is set now; its refusal comes back as the reason. */
export async function sendTestMail(ctx: ServiceContext, actor: Actor, to: string): Promise<void> {
  ensureAllowed(may.administer(actor));
  if (!ADDRESS.test(to.trim()))
    throw new DomainError("mail.settings_invalid", "Địa chỉ nhận thư thử không hợp lệ.", [
      { field: "to", reason: "không phải địa chỉ thư" },
    ]);
  const s = await effectiveSmtp(ctx);
  if (!s) throw new DomainError("mail.off", "Chưa có máy chủ thư: nhập máy chủ trước khi gửi thư thử.");
  const mailer = createMailer(s, s.from);
  try {
    await mailer.send({
      to: to.trim(),
      subject: "Thư thử từ kehoach",
      text: "Máy chủ thư của kehoach gửi được thư. Thư này do quản trị viên gửi để kiểm tra.",
      html: "<p>Máy chủ thư của kehoach gửi được thư. Thư này do quản trị viên gửi để kiểm tra.</p>",
      messageId: `<test-${ctx.clock.now().getTime()}@kehoach>`,
    });
  } catch (error) {
    throw new DomainError(
      "mail.test_failed",
      `Máy chủ thư không nhận thư thử: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    mailer.close();
  }
}

/**
 * The scheduler's mailer, following the settings: asked each round, it makes a new transport only
 * when the settings changed. `createScheduler(ctx, { mailer: settingsMailer(ctx) })`
 */
export function settingsMailer(ctx: ServiceContext): () => Promise<Mailer | null> {
  let key = "";
  let mailer: Mailer | null = null;
  return async () => {
    const s = await effectiveSmtp(ctx);
    const now = JSON.stringify(s);
    if (now !== key) {
      mailer?.close();
      mailer = s ? createMailer(s, s.from) : null;
      key = now;
    }
    return mailer;
  };
}
