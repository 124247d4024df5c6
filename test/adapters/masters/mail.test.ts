// Goal: a run's result reaches the admin who enabled the schedule — over SMTP (nodemailer, SMTP_URL)
// to a local SMTP server, read back with mailparser: subject, per-master counts and the failure
// reason, in Japanese — and, without SMTP, in the console outbox.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { outboxMailer } from '../../../src/adapters/mail/outbox-mailer.js';
import { smtpMailer } from '../../../src/adapters/mail/smtp-mailer.js';
import { saveMasterSchedule } from '../../../src/app/masters/schedule.js';
import { startMastersHarness, type MastersHarness } from './support.js';

let h: MastersHarness;
let server: SMTPServer;
let port = 0;
const received: ParsedMail[] = [];

before(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData: (stream, _session, done) => {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as { port: number }).port;
  h = await startMastersHarness({
    seed: { partners: 1_200, updateDate: '2025-01-01' },
    mailer: smtpMailer(`smtp://127.0.0.1:${port}`),
  });
  await saveMasterSchedule(
    { store: h.store, connections: h.deps().connections, clock: h.app.clock },
    { companyId: h.companyId, staffId: null, role: 'admin', label: '管理者' },
    {
      enabled: true,
      hour: '3',
      connectionId: h.connected.connection.id,
      notifyEmail: 'owner@example.jp',
    },
  );
});
after(async () => {
  await h.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('the result mail arrives on the SMTP server with the counts, in Japanese', async () => {
  const outcome = await h.sync({ trigger: 'schedule', masters: ['partners', 'items'] });
  assert.equal(outcome.status, 'succeeded');
  assert.equal(received.length, 1);
  const mail = received[0] as ParsedMail;
  assert.equal((mail.to as { text: string }).text, 'owner@example.jp');
  assert.match(mail.subject ?? '', /マスター同期の結果: 成功/);
  assert.match(mail.text ?? '', /定期実行/);
  assert.match(mail.text ?? '', /取引先\(全件\): 対象件数 1200件 成功件数 1200件 失敗件数 0件/);
  assert.match(mail.text ?? '', /品目\(全件\): 対象件数 0件 成功件数 0件 失敗件数 0件/);
});

test('a stopped run mails the reason (maintenance) and what was imported', async () => {
  let fired = false;
  h.hook.before = (request) => {
    if (request.master === 'partners' && request.offset === 500 && !fired) {
      fired = true;
      h.faults.next('maintenance');
    }
  };
  await h.sync({ trigger: 'schedule', masters: ['partners'], full: true });
  h.hook.before = null;
  const mail = received[1] as ParsedMail;
  assert.match(mail.subject ?? '', /停止\(メンテナンス\)/);
  assert.match(mail.text ?? '', /成功件数 500件/);
  assert.match(mail.text ?? '', /失敗の理由: freeeがメンテナンス中のため同期を停止しました/);
});

test('without SMTP the mail is kept in the outbox the console shows', async () => {
  const outbox = outboxMailer(h.app.freeePool, h.app.clock);
  await h.sync({ trigger: 'schedule', masters: ['tags'] }, { mailer: outbox });
  const kept = await outbox.outbox(10);
  assert.equal(kept.length, 1);
  assert.equal(kept[0]?.to, 'owner@example.jp');
  assert.match(kept[0]?.text ?? '', /メモタグ\(全件\): 対象件数 0件/);
  assert.equal(received.length, 2, 'nothing went over SMTP');
});
