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

/** `createMailer("smtp://localhost:2525", "kehoach <kehoach@so-gddt.gov.vn>")` */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
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
