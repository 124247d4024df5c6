// Mailer over SMTP with nodemailer (SMTP_URL, e.g. smtp://user:pass@mail.example.jp:587). The
// sender is MAIL_FROM (default no-reply@uriage.local); plain text, UTF-8.
import nodemailer from 'nodemailer';
import type { Mailer } from '../../app/mail/ports.js';

export const defaultMailFrom = 'Uriage <no-reply@uriage.local>';
/** A mail server that does not answer within this is an error (the run's result stays recorded). */
export const smtpTimeoutMs = 15_000;

export function smtpMailer(smtpUrl: string, from = defaultMailFrom): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: smtpTimeoutMs,
    greetingTimeout: smtpTimeoutMs,
    socketTimeout: smtpTimeoutMs,
  });
  return {
    transport: 'smtp',
    send: async (mail) => {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    outbox: async () => [],
  };
}
