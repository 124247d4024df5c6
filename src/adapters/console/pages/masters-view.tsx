// マスター同期 page parts: the schedule form (admin), 今すぐ同期, 実行履歴 with per-master counts and
// reasons, and the mail outbox (送信メール) when no SMTP is configured.
import type { MasterSchedule, RunView, UsableConnection } from '../../../app/masters/ports.js';
import type { OutboxMail } from '../../../app/mail/ports.js';
import { masterLabels, masterNames } from '../../../domain/masters/kinds.js';
import { resultLine, runStatusLabels, runTriggerLabels } from '../../../domain/masters/results.js';
import { CsrfField, FieldErrorText, Layout } from '../layout.js';
import type { StaffPrincipal } from '../session.js';

export interface ScheduleFormValues {
  enabled: boolean;
  hour: string;
  connectionId: string;
  notifyEmail: string;
}

export interface MastersPageProps {
  principal: StaffPrincipal;
  schedule: MasterSchedule | null;
  values: ScheduleFormValues;
  connections: UsableConnection[];
  runs: RunView[];
  outbox: OutboxMail[];
  error?: string;
  fields?: Record<string, string>;
  notice?: string;
}

const time = (d: Date | null) => (d ? d.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) : '—');

function ScheduleForm(props: MastersPageProps) {
  const fields = props.fields ?? {};
  const v = props.values;
  return (
    <form class="card" method="post" action="/admin/settings/masters/schedule">
      <h2>定期実行</h2>
      <CsrfField principal={props.principal} />
      <label>
        <input type="checkbox" name="enabled" value="1" checked={v.enabled} />{' '}
        マスターの定期同期を有効にする
      </label>
      <label for="hour">実行時刻(毎日)</label>
      <select id="hour" name="hour">
        {Array.from({ length: 24 }, (_, h) => (
          <option value={String(h)} selected={String(h) === v.hour}>{`毎日${h}時に実行`}</option>
        ))}
      </select>
      <FieldErrorText errors={fields} path="hour" />
      <label for="connectionId">freee連携(事業所)</label>
      <select id="connectionId" name="connectionId">
        {props.connections.map((c) => (
          <option value={c.id} selected={c.id === v.connectionId}>
            {`${c.freeeCompanyName} (事業所ID ${c.freeeCompanyId})`}
          </option>
        ))}
      </select>
      <FieldErrorText errors={fields} path="connectionId" />
      <label for="notifyEmail">通知先メールアドレス</label>
      <input
        id="notifyEmail"
        name="notifyEmail"
        type="text"
        inputmode="email"
        value={v.notifyEmail}
      />
      <FieldErrorText errors={fields} path="notifyEmail" />
      {props.schedule ? (
        <p>{`設定者: ${props.schedule.enabledByLabel}(${time(props.schedule.updatedAt)})`}</p>
      ) : null}
      <p>
        <button type="submit">設定保存</button>
      </p>
    </form>
  );
}

function SyncNow(props: { principal: StaffPrincipal }) {
  return (
    <form class="card" method="post" action="/admin/settings/masters/sync">
      <h2>今すぐ同期</h2>
      <CsrfField principal={props.principal} />
      <label for="master">対象</label>
      <select id="master" name="master">
        <option value="">すべてのマスター</option>
        {masterNames.map((m) => (
          <option value={m}>{masterLabels[m]}</option>
        ))}
      </select>
      <label>
        <input type="checkbox" name="full" value="1" /> 全件(最終インポート日をクリア)
      </label>
      <p>
        <button type="submit">今すぐ同期</button>
      </p>
    </form>
  );
}

function Runs(props: { runs: RunView[] }) {
  return (
    <section class="card">
      <h2>実行履歴</h2>
      <table>
        <thead>
          <tr>
            <th>開始</th>
            <th>種別</th>
            <th>結果</th>
            <th>マスターごとの件数・理由</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((run) => (
            <tr>
              <td>{time(run.startedAt)}</td>
              <td>{runTriggerLabels[run.trigger]}</td>
              <td>{runStatusLabels[run.status]}</td>
              <td>
                {run.reason ? <div>{run.reason}</div> : null}
                {run.results.map((r) => (
                  <div>
                    {resultLine(r)}
                    {r.failures.map((f) => (
                      <div class="alert">{`失敗の理由: ${f}`}</div>
                    ))}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Outbox(props: { outbox: OutboxMail[] }) {
  if (props.outbox.length === 0) return null;
  return (
    <section class="card">
      <h2>送信メール(SMTP未設定のため保管)</h2>
      {props.outbox.map((m) => (
        <details>
          <summary>{`${time(m.createdAt)} ${m.to} ${m.subject}`}</summary>
          <pre>{m.text}</pre>
        </details>
      ))}
    </section>
  );
}

export function MastersPage(props: MastersPageProps) {
  return (
    <Layout title="マスター同期" principal={props.principal} section="admin">
      <h1>freeeマスター同期</h1>
      {props.notice ? <div class="notice">{props.notice}</div> : null}
      {props.error ? (
        <div class="alert" role="alert">
          {props.error}
        </div>
      ) : null}
      <ScheduleForm {...props} />
      <SyncNow principal={props.principal} />
      <Runs runs={props.runs} />
      <Outbox outbox={props.outbox} />
    </Layout>
  );
}
