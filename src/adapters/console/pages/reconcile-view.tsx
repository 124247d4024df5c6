// 消込 page parts: the deposits with their suggestions (reasons, confidence, alternatives; accept
// with one click), the statement upload, the manual search, the learned payer names, the
// applications (取り消す) and the company setting for the automatic apply of unique exact matches.
import { randomUUID } from 'node:crypto';
import type { Overview } from '../../../app/reconcile/use-cases.js';
import type { Candidate, Receivable } from '../../../domain/reconcile/model.js';
import type { StatementLine } from '../../../domain/reconcile/statement.js';
import { dateCell } from '../dates.js';
import { CsrfField, Layout } from '../layout.js';
import type { StaffPrincipal } from '../session.js';

export interface ManualSearch {
  amount: string;
  partner: string;
  from: string;
  to: string;
}

export interface ReconcilePageProps {
  principal: StaffPrincipal;
  overview: Overview;
  search: ManualSearch;
  found: Receivable[] | null;
  error?: string;
  notice?: string;
}

const yenText = (n: number) => `${n.toLocaleString('ja-JP')}円`;

const kindLabels: Record<string, string> = {
  exact: '金額一致',
  fee: '手数料差引',
  combination: '複数取引の組み合わせ',
  batch: '決済代行のまとめ入金',
  overpayment: '過入金(要確認)',
  partial: '一部入金',
  amountOnly: '金額のみ一致',
};

function dealList(ids: readonly string[], overview: Overview) {
  const byId = new Map(overview.receivables.map((r) => [r.id, r]));
  return (
    <ul class="deals">
      {ids.map((id) => {
        const r = byId.get(id);
        const partner = r?.partnerId ? (overview.partnerNames.get(r.partnerId) ?? '') : '';
        return (
          <li>{`取引 ${id} ${partner} ${r ? `${dateCell(r.issueDate)} ${yenText(r.dueAmountYen)}` : ''}`}</li>
        );
      })}
    </ul>
  );
}

function AcceptForm(props: {
  principal: StaffPrincipal;
  line: StatementLine;
  candidate: Candidate;
  label: string;
}) {
  return (
    <form method="post" action="/reconcile/accept" class="inline">
      <CsrfField principal={props.principal} />
      <input type="hidden" name="idempotencyKey" value={randomUUID()} />
      <input type="hidden" name="line" value={props.line.key} />
      {props.candidate.receivableIds.map((id) => (
        <input type="hidden" name="deals" value={id} />
      ))}
      <button type="submit">{props.label}</button>
    </form>
  );
}

function CandidateCell(props: {
  principal: StaffPrincipal;
  line: StatementLine;
  candidate: Candidate;
  overview: Overview;
  label: string;
}) {
  const c = props.candidate;
  return (
    <div class="candidate">
      <strong>{kindLabels[c.kind] ?? c.kind}</strong>
      {` 確度 ${Math.round(c.confidence * 100)}%`}
      {c.differenceYen > 0 ? ` / 差額 ${yenText(c.differenceYen)}(${c.differenceAccount})` : ''}
      {dealList(c.receivableIds, props.overview)}
      <div class="reasons">{`理由: ${c.reasons.join('、')}`}</div>
      {props.overview.settings.bankSynced ? (
        <div class="synced">{`freeeの「未決済取引の消込」でチェックする取引: ${c.receivableIds.join(', ')}`}</div>
      ) : (
        <AcceptForm
          principal={props.principal}
          line={props.line}
          candidate={c}
          label={props.label}
        />
      )}
    </div>
  );
}

function DepositRow(props: {
  principal: StaffPrincipal;
  overview: Overview;
  entry: Overview['deposits'][number];
}) {
  const { line, suggestion } = props.entry;
  const best = suggestion?.best ?? null;
  return (
    <tr data-line={line.key}>
      <td>{dateCell(line.date)}</td>
      <td class="num">{yenText(line.amountYen)}</td>
      <td>{line.payerName}</td>
      <td>
        {best ? (
          <CandidateCell
            principal={props.principal}
            line={line}
            candidate={best}
            overview={props.overview}
            label="この内容で消し込む"
          />
        ) : (
          '候補なし(手動検索で選んでください)'
        )}
        {suggestion && suggestion.limitsHit.length > 0 ? (
          <div class="error">{`探索の上限に達しました: ${suggestion.limitsHit.join(', ')}`}</div>
        ) : null}
        {suggestion && suggestion.alternatives.length > 0 ? (
          <details>
            <summary>{`ほかの候補(${suggestion.alternatives.length}件)`}</summary>
            {suggestion.alternatives.map((alt) => (
              <CandidateCell
                principal={props.principal}
                line={line}
                candidate={alt}
                overview={props.overview}
                label="この候補で消し込む"
              />
            ))}
          </details>
        ) : null}
      </td>
    </tr>
  );
}

function Deposits(props: ReconcilePageProps) {
  const { deposits } = props.overview;
  return (
    <section class="card">
      <h2>未消込の入金</h2>
      {deposits.length === 0 ? (
        <p id="no-open-deposits">未消込の入金はありません。</p>
      ) : (
        <table id="open-deposits">
          <thead>
            <tr>
              <th scope="col">入金日</th>
              <th scope="col">金額</th>
              <th scope="col">振込依頼人名</th>
              <th scope="col">候補</th>
            </tr>
          </thead>
          <tbody>
            {deposits.map((entry) => (
              <DepositRow principal={props.principal} overview={props.overview} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Upload(props: ReconcilePageProps) {
  return (
    <form class="card" method="post" action="/reconcile/import" enctype="multipart/form-data">
      <h2>明細の取り込み</h2>
      <CsrfField principal={props.principal} />
      <label for="statement">全銀協形式・銀行CSV・freee口座明細(JSON)</label>
      <input id="statement" type="file" name="statement" required />
      <button type="submit">取り込む</button>
    </form>
  );
}

function Search(props: ReconcilePageProps) {
  const s = props.search;
  const lines = props.overview.deposits.map((d) => d.line);
  return (
    <section class="card">
      <h2>手動検索</h2>
      <form method="get" action="/reconcile">
        <label for="q-amount">金額</label>
        <input id="q-amount" name="amount" value={s.amount} inputmode="numeric" />
        <label for="q-partner">取引先</label>
        <input id="q-partner" name="partner" value={s.partner} />
        <label for="q-from">発生日(から)</label>
        <input id="q-from" name="from" type="date" value={s.from} />
        <label for="q-to">発生日(まで)</label>
        <input id="q-to" name="to" type="date" value={s.to} />
        <button type="submit">検索</button>
      </form>
      {props.found === null ? null : props.found.length === 0 ? (
        <p>該当する未決済の取引はありません。</p>
      ) : (
        <form method="post" action="/reconcile/accept">
          <CsrfField principal={props.principal} />
          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
          <label for="manual-line">消し込む入金</label>
          <select id="manual-line" name="line">
            {lines.map((l) => (
              <option
                value={l.key}
              >{`${dateCell(l.date)} ${yenText(l.amountYen)} ${l.payerName}`}</option>
            ))}
          </select>
          <fieldset>
            <legend>取引(複数可)</legend>
            {props.found.map((r) => (
              <label>
                <input type="checkbox" name="deals" value={r.id} />
                {` 取引 ${r.id} ${r.partnerId ? (props.overview.partnerNames.get(r.partnerId) ?? '') : ''} ${dateCell(r.issueDate)} 残額 ${yenText(r.dueAmountYen)}`}
              </label>
            ))}
          </fieldset>
          <button type="submit">選んだ取引で消し込む</button>
        </form>
      )}
    </section>
  );
}

function Applied(props: ReconcilePageProps) {
  const apps = props.overview.applications;
  return (
    <section class="card">
      <h2>消込済み</h2>
      {apps.length === 0 ? (
        <p>まだありません。</p>
      ) : (
        <table id="applied">
          <thead>
            <tr>
              <th scope="col">取引</th>
              <th scope="col">状態</th>
              <th scope="col">実行者</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {apps.map((a) => (
              <tr>
                <td>{a.dealIds.join(', ')}</td>
                <td>
                  {a.state === 'applied'
                    ? '反映済み'
                    : a.state === 'applying'
                      ? '反映中(再試行できます)'
                      : '取り消し中'}
                </td>
                <td>{a.createdBy === 'auto' ? '自動' : a.createdBy}</td>
                <td>
                  <form
                    method="post"
                    action="/reconcile/undo"
                    class="inline"
                    data-confirm="この消込を取り消しますか？"
                  >
                    <CsrfField principal={props.principal} />
                    <input type="hidden" name="application" value={a.applicationId} />
                    <button type="submit">取り消す</button>
                  </form>
                  {a.state === 'applied' ? null : (
                    <form method="post" action="/reconcile/resume" class="inline">
                      <CsrfField principal={props.principal} />
                      <input type="hidden" name="application" value={a.applicationId} />
                      <button type="submit">再試行</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Learned(props: ReconcilePageProps) {
  const entries = [...props.overview.aliases.entries()];
  return (
    <section class="card">
      <h2>学習した振込依頼人名</h2>
      {entries.length === 0 ? (
        <p>まだありません。候補を採用すると、振込依頼人名をその取引先の名前として覚えます。</p>
      ) : (
        <ul id="aliases">
          {entries.map(([partnerId, names]) => (
            <li>{`${props.overview.partnerNames.get(partnerId) ?? `取引先 ${partnerId}`}: ${names.join('、')}`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Settings(props: ReconcilePageProps) {
  return (
    <form class="card" method="post" action="/reconcile/settings">
      <h2>設定</h2>
      <CsrfField principal={props.principal} />
      <label>
        <input
          type="checkbox"
          name="autoApplyExact"
          value="1"
          checked={props.overview.settings.autoApplyExact}
        />{' '}
        金額が一致し候補が1つだけの入金は自動で消し込む
      </label>
      <label>
        <input
          type="checkbox"
          name="bankSynced"
          value="1"
          checked={props.overview.settings.bankSynced}
        />{' '}
        この銀行口座の明細はfreeeと同期している(Uriageは候補を示すだけで、freeeへは書き込みません)
      </label>
      <button type="submit">保存</button>
    </form>
  );
}

export function ReconcilePage(props: ReconcilePageProps) {
  return (
    <Layout title="消込" principal={props.principal} section="integration">
      <h1>消込(入金と未決済取引の照合)</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.overview.connected ? null : (
        <p class="error">freeeに接続されていないため、候補を表示できません。</p>
      )}
      <Deposits {...props} />
      <Upload {...props} />
      <Search {...props} />
      <Applied {...props} />
      <Learned {...props} />
      <Settings {...props} />
    </Layout>
  );
}
