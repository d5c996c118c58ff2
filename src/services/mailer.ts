// Sending mail through the installation's SMTP server (nodemailer): KEHOACH_SMTP_URL
// ("smtp://user:password@mail.example.gov.vn:587") and KEHOACH_MAIL_FROM ("kehoach <kehoach@…>").

import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A stable id per queued message: a receiving server may drop a copy it has already seen. */
  messageId: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** An SMTP server as an administrator enters it. */
export interface SmtpServer {
  host: string;
  port: number;
  /** True: TLS from the start (port 465); false: plain, upgraded by STARTTLS where offered. */
  secure: boolean;
  user: string | null;
  password: string | null;
}

/** `createMailer("smtp://localhost:2525", "kehoach <kehoach@so-gddt.gov.vn>")`, or with a server's fields. */
export function createMailer(server: string | SmtpServer, from: string): Mailer {
  const transport =
    typeof server === "string"
      ? nodemailer.createTransport(server)
      : nodemailer.createTransport({
          host: server.host,
          port: server.port,
          secure: server.secure,
          ...(server.user ? { auth: { user: server.user, pass: server.password ?? "" } } : {}),
        });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    close: () => transport.close(),
  };
}
