// Small DOM helpers and the receipt / 日報 previews of the register page (text, never HTML from data).
export const $ = (selector) => document.querySelector(selector);

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'onclick') node.addEventListener('click', value);
    else if (value !== undefined && value !== null) node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity))
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

export const yen = (amount) =>
  amount < 0 ? `-¥${(-amount).toLocaleString('ja-JP')}` : `¥${amount.toLocaleString('ja-JP')}`;

const rateLabel = { standard10: '10%', reduced8: '8%', exempt: '非課税' };

function row(label, value, testId) {
  return el(
    'div',
    { class: 'row', 'data-testid': testId },
    el('span', {}, label),
    el('span', {}, value),
  );
}

/** The receipt as shown on screen (the same items as the printed one; `formal`: the 領収書). */
export function receiptView(receipt, methodNames, options = {}) {
  const returned = receipt.total < 0 || receipt.lines.some((l) => l.quantity < 0);
  const title = options.formal ? '領収書' : returned ? '返品・返金' : 'レシート';
  return el(
    'div',
    { class: 'receipt', id: 'receipt' },
    el('h3', {}, title),
    options.reissue ? el('div', { 'data-testid': 'reissue-mark' }, '【再発行】') : '',
    options.formal
      ? [
          el('div', { 'data-testid': 'formal-addressee' }, `${options.formal.addressee} 様`),
          el('div', {}, `但し ${options.formal.note || 'お品代として'}`),
        ]
      : '',
    el('div', {}, receipt.issuer.name),
    el('div', {}, receipt.storeName),
    receipt.issuer.registrationNumber
      ? el(
          'div',
          { 'data-testid': 'registration-number' },
          `登録番号 ${receipt.issuer.registrationNumber}`,
        )
      : '',
    el('div', {}, receipt.issuedAt),
    el('hr'),
    receipt.lines.map((l) =>
      row(`${l.reducedRate ? '※' : ''}${l.name} x${l.quantity}`, yen(l.amount), 'receipt-line'),
    ),
    receipt.lines.some((l) => l.reducedRate) ? el('div', {}, '※は軽減税率対象') : '',
    el('hr'),
    row('合計', yen(receipt.total), 'receipt-total'),
    receipt.payments.map((p) =>
      row(methodNames[p.method] ?? p.method, yen(p.amount), 'receipt-payment'),
    ),
    row('お釣り', yen(receipt.change), 'receipt-change'),
    el('hr'),
    receipt.byRate.map((r) => [
      row(`${rateLabel[r.taxCategory]}対象`, yen(r.targetAmount), `by-rate-${r.taxCategory}`),
      r.taxCategory === 'exempt'
        ? ''
        : row(`(消費税等 ${rateLabel[r.taxCategory]})`, yen(r.tax), `tax-${r.taxCategory}`),
    ]),
  );
}

const unsentLabels = {
  pending: '保留中の会計',
  completed: '入力完了した会計',
  cancelled: '取り消された会計',
  redone: 'やり直した会計',
  aborted: '入力中断した会計',
};

/** The 日報 the close returned, as printed at the till (main rows, cash, 未送信の会計). */
export function reportView(report) {
  const unsent = report.unsent
    ? [
        el('h4', {}, '未送信の会計'),
        Object.entries(unsentLabels).map(([status, label]) =>
          row(
            label,
            `${report.unsent[status]?.count ?? 0}件 ${yen(report.unsent[status]?.amount ?? 0)}`,
            `unsent-${status}`,
          ),
        ),
      ]
    : '';
  return el(
    'div',
    { class: 'receipt', id: 'report' },
    el('h3', {}, report.title ?? '日報'),
    el('div', {}, `${report.storeName} ${report.businessDate}`),
    row('売上等', yen(report.salesTotal), 'report-sales-total'),
    row('会計数', String(report.checkoutCount), 'report-checkout-count'),
    report.cash
      ? [
          row('釣銭準備金', yen(report.cash.float), 'report-float'),
          row('予定現金', yen(report.cash.expected), 'report-expected'),
          row('実際の現金', yen(report.cash.counted), 'report-counted'),
          row('現金差異', yen(report.cash.difference), 'report-difference'),
        ]
      : '',
    unsent,
  );
}
