// Mailer without SMTP: mails are kept in mail_outbox for the console (送信メール) to show.
import type { Mailer, OutboxMail } from '../../app/mail/ports.js';
import type { Clock } from '../../app/clock.js';
import type { Pool } from '../db/pool.js';

export function outboxMailer(pool: Pool, clock: Clock): Mailer {
  return {
    transport: 'outbox',
    send: async (mail) => {
      await pool.query(
        'insert into mail_outbox ("to", subject, text, created_at) values ($1, $2, $3, $4)',
        [mail.to, mail.subject, mail.text, clock.now()],
      );
    },
    outbox: async (limit) => {
      const rows = await pool.query<{
        id: string;
        to: string;
        subject: string;
        text: string;
        created_at: Date;
      }>('select * from mail_outbox order by created_at desc, id limit $1', [limit]);
      return rows.rows.map((r): OutboxMail => ({
        id: r.id,
        to: r.to,
        subject: r.subject,
        text: r.text,
        createdAt: r.created_at,
      }));
    },
  };
}
