// Outgoing mail for every feature (master-sync results, later password resets): one port. The
// adapter sends over SMTP when SMTP_URL is set, otherwise keeps the mail in an outbox the console shows.
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface OutboxMail extends Mail {
  id: string;
  createdAt: Date;
}

export interface Mailer {
  /** 'smtp' when mails leave the process, 'outbox' when they are kept for the console. */
  readonly transport: 'smtp' | 'outbox';
  send(mail: Mail): Promise<void>;
  /** The kept mails, newest first (empty for SMTP). */
  outbox(limit: number): Promise<OutboxMail[]>;
}

export const outboxListMax = 200;
