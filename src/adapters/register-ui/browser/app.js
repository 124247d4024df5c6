// The register (レジ) page: ring up from the product master, hold and recall, tender, receipt
// preview, 取消 / やり直し, レジ入出金 and 閉局 by 金種. Offline first: each checkout gets its id and
// revision here and is stored in IndexedDB before the send queue (sync.js) delivers it.
import { all, getConfig, saveCheckout, saveDrawerEvent, setConfig } from './db.js';
import { cashEffect, lineAmount, ratePercent, tenderState, totalsOf } from './money.js';
import { createSender, isUnsent, unsentCheckouts } from './sync.js';
import { $, el, receiptView, reportView, yen } from './ui.js';

const denominations = [10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1];
const state = {
  setup: null,
  boot: null,
  cart: null,
  tab: null,
  payments: [],
  returnMode: false,
  selected: null,
  /** The checkout whose receipt is on screen (印刷 / 領収書 print it). */
  receiptFor: null,
  /** The close version the register made last (日報を印刷). */
  closed: null,
};
let sender = null;

const methodsByCode = () => Object.fromEntries(state.boot.paymentMethods.map((m) => [m.code, m]));
const methodNames = () =>
  Object.fromEntries(state.boot.paymentMethods.map((m) => [m.code, m.name]));
const nowIso = () => new Date().toISOString();

function businessDate() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: state.boot.store.timeZone }).format(
    new Date(),
  );
}

function newCart() {
  return {
    id: crypto.randomUUID(),
    revision: 0,
    startedAt: nowIso(),
    lines: [],
    orderDiscount: 0,
    customerCount: 1,
    redoes: undefined,
  };
}

/** 税抜 products in a cart with 税込 ones are converted to a 税込 unit price (floor of the tax). */
function priceModeOf(lines) {
  return lines.length > 0 && lines.every((l) => l.priceMode === 'exclusive')
    ? 'exclusive'
    : 'inclusive';
}

function checkoutOf(cart, status, payments) {
  const priceMode = priceModeOf(cart.lines);
  const lines = cart.lines.map((l) => {
    const rate = ratePercent[l.taxCategory] ?? 0;
    const unitPrice =
      priceMode === 'inclusive' && l.priceMode === 'exclusive'
        ? l.unitPrice + Math.floor((l.unitPrice * rate) / 100)
        : l.unitPrice;
    const line = {
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice,
      taxCategory: l.taxCategory,
    };
    return l.discount ? { ...line, discount: l.discount } : line;
  });
  const staff = $('#staff').value;
  return {
    id: cart.id,
    revision: cart.revision + 1,
    storeCode: state.boot.store.code,
    registerCode: state.boot.registerCode,
    ...(staff ? { staffCode: staff } : {}),
    businessDate: businessDate(),
    startedAt: cart.startedAt,
    completedAt: status === 'completed' ? nowIso() : null,
    status,
    ...(cart.redoes ? { redoes: cart.redoes } : {}),
    customerCount: cart.customerCount,
    priceMode,
    lines,
    ...(cart.orderDiscount ? { orderDiscount: cart.orderDiscount } : {}),
    payments,
  };
}

const cartTotals = () =>
  totalsOf(checkoutOf(state.cart, 'pending', []), state.boot.company.roundingMode);

function addProduct(product) {
  const quantity = state.returnMode ? -1 : 1;
  const same = state.cart.lines.find(
    (l) => l.sku === product.code && Math.sign(l.quantity) === quantity && !l.discount,
  );
  if (same) same.quantity += quantity;
  else
    state.cart.lines.push({
      sku: product.code,
      name: product.name,
      quantity,
      unitPrice: product.priceYen,
      taxCategory: product.taxCategory,
      priceMode: product.priceMode,
    });
  state.selected = state.cart.lines.length - 1;
  renderCart();
}

function renderTabs() {
  const categories = [...new Set(state.boot.products.map((p) => p.category || 'その他'))];
  state.tab ??= categories[0] ?? null;
  $('#tabs').replaceChildren(
    ...categories.map((c) =>
      el(
        'button',
        {
          class: c === state.tab ? 'tab on' : 'tab',
          onclick: () => {
            state.tab = c;
            renderTabs();
          },
        },
        c,
      ),
    ),
  );
  $('#products').replaceChildren(
    ...state.boot.products
      .filter((p) => (p.category || 'その他') === state.tab)
      .map((p) =>
        el(
          'button',
          { class: 'product', 'data-code': p.code, onclick: () => addProduct(p) },
          `${p.taxCategory === 'reduced8' ? '※' : ''}${p.name}`,
          el('small', {}, yen(p.priceYen)),
        ),
      ),
  );
}

function renderCart() {
  const lines = state.cart.lines.map((l, i) =>
    el(
      'li',
      {
        class: i === state.selected ? 'line on' : 'line',
        'data-testid': 'cart-line',
        onclick: () => {
          state.selected = i;
          renderCart();
        },
      },
      el('span', { class: 'name' }, `${l.taxCategory === 'reduced8' ? '※' : ''}${l.name}`),
      el('span', { class: 'qty' }, `x${l.quantity}`),
      el('span', { class: 'amount' }, yen(lineAmount(l))),
    ),
  );
  $('#cart').replaceChildren(...lines);
  const totals = cartTotals();
  $('#total').textContent = yen(totals.total);
  $('#return-mode').classList.toggle('on', state.returnMode);
}

function changeSelected(change) {
  const line = state.cart.lines[state.selected ?? -1];
  if (!line) return;
  change(line);
  if (line.quantity === 0) {
    state.cart.lines.splice(state.selected, 1);
    state.selected = null;
  }
  renderCart();
}

async function store(checkout) {
  await saveCheckout(checkout);
  const storedAt = performance.now();
  sender.kick();
  void renderStatus();
  return storedAt;
}

async function hold() {
  if (state.cart.lines.length === 0) return;
  await store(checkoutOf(state.cart, 'pending', []));
  state.cart = newCart();
  renderCart();
}

async function abort() {
  if (state.cart.revision > 0 || state.cart.lines.length > 0)
    await store(checkoutOf(state.cart, 'aborted', []));
  state.cart = newCart();
  renderCart();
}

async function showRecall() {
  const pending = (await all('checkouts')).filter((c) => c.status === 'pending');
  $('#recall-list').replaceChildren(
    ...pending.map((c) =>
      el(
        'li',
        {},
        el(
          'button',
          { class: 'recall-item', onclick: () => recall(c) },
          `${c.lines.map((l) => l.name).join('・')} ${yen(totalsOf(c, state.boot.company.roundingMode).total)}`,
        ),
      ),
    ),
  );
  $('#recall').hidden = false;
}

function recall(checkout) {
  const products = Object.fromEntries(state.boot.products.map((p) => [p.code, p]));
  state.cart = {
    id: checkout.id,
    revision: checkout.revision,
    startedAt: checkout.startedAt,
    customerCount: checkout.customerCount,
    orderDiscount: checkout.orderDiscount ?? 0,
    redoes: checkout.redoes,
    lines: checkout.lines.map((l) => ({
      ...l,
      priceMode: products[l.sku]?.priceMode ?? 'inclusive',
      unitPrice: products[l.sku]?.priceYen ?? l.unitPrice,
    })),
  };
  $('#recall').hidden = true;
  renderCart();
}

function openTender() {
  if (state.cart.lines.length === 0) return;
  state.payments = [];
  $('#tender').hidden = false;
  $('#tender-amount').value = '';
  renderTender();
}

function renderTender() {
  const { total } = cartTotals();
  const tender = tenderState(total, state.payments, methodsByCode());
  $('#tender-total').textContent = yen(total);
  $('#tender-paid').replaceChildren(
    ...state.payments.map((p) =>
      el('li', { 'data-testid': 'tender-payment' }, `${methodNames()[p.method]} ${yen(p.amount)}`),
    ),
  );
  $('#tender-change').textContent = yen(tender.change);
  $('#tender-error').textContent = tender.error ?? '';
  $('#commit').disabled = tender.error !== null;
}

function addPayment(method) {
  const { total } = cartTotals();
  const typed = $('#tender-amount').value.trim();
  const paid = state.payments.reduce((a, p) => a + p.amount, 0);
  const amount = typed === '' ? total - paid : Number(typed);
  if (!Number.isSafeInteger(amount) || amount === 0) return;
  state.payments.push({ method: method.code, amount: total < 0 ? -Math.abs(amount) : amount });
  $('#tender-amount').value = '';
  renderTender();
}

async function commit() {
  const t0 = performance.now();
  const checkout = checkoutOf(state.cart, 'completed', state.payments);
  const { total } = totalsOf(checkout, state.boot.company.roundingMode);
  if (tenderState(total, checkout.payments, methodsByCode()).error) return;
  window.__lastCommitMs = (await store(checkout)) - t0;
  $('#tender').hidden = true;
  showReceipt(checkout);
  state.cart = newCart();
  state.payments = [];
  renderCart();
}

function receiptOf(checkout) {
  const totals = totalsOf(checkout, state.boot.company.roundingMode);
  const tender = tenderState(totals.total, checkout.payments, methodsByCode());
  return {
    checkoutId: checkout.id,
    issuer: {
      name: state.boot.company.name,
      ...(state.boot.registrationNumber
        ? { registrationNumber: state.boot.registrationNumber }
        : {}),
    },
    storeName: state.boot.store.name,
    issuedAt: checkout.completedAt,
    lines: checkout.lines.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      amount: lineAmount(l),
      reducedRate: l.taxCategory === 'reduced8',
    })),
    byRate: totals.byRate,
    total: totals.total,
    payments: checkout.payments,
    change: totals.total < 0 ? 0 : tender.voucherChange + tender.cashChange,
  };
}

function showReceipt(checkout) {
  state.receiptFor = checkout;
  $('#receipt-box').replaceChildren(receiptView(receiptOf(checkout), methodNames()));
  $('#print-status').textContent = '';
  delete $('#print-status').dataset.state;
  $('#receipt-panel').hidden = false;
}

const authorized = (extra = {}) => ({
  authorization: `Bearer ${state.setup.token}`,
  'idempotency-key': `print:${crypto.randomUUID()}`,
  ...extra,
});

/** The server's Japanese message of an error answer. */
async function errorMessage(response, fallback) {
  const body = await response.json().catch(() => null);
  const fields = (body?.error?.fields ?? []).map((f) => f.message);
  return [body?.error?.message ?? fallback, ...fields].join(' ');
}

function printStatus(text, stateName) {
  $('#print-status').textContent = text;
  $('#print-status').dataset.state = stateName;
}

/**
 * 印刷 / 領収書: the checkout is sent first (the server prints what its ledger holds), then printed
 * on the store's printer; the server counts the issues and marks the second and later 再発行.
 */
async function printReceipt(kind) {
  const checkout = state.receiptFor;
  if (!checkout) return;
  printStatus('印刷しています…', 'busy');
  await sender.kick();
  if (await isUnsent(checkout.id)) {
    printStatus(
      'この会計はまだ送信されていないため印刷できません。オンラインに戻ってから印刷してください。',
      'unsent',
    );
    return;
  }
  const formal =
    kind === 'formal'
      ? { addressee: $('#formal-addressee').value.trim(), note: $('#formal-note').value.trim() }
      : null;
  const response = await fetch(`/api/v1/checkouts/${encodeURIComponent(checkout.id)}/receipts`, {
    method: 'POST',
    headers: authorized({ 'content-type': 'application/json' }),
    body: JSON.stringify({ kind, ...(formal ?? {}) }),
  }).catch(() => null);
  if (!response) {
    printStatus('サーバーに接続できないため印刷できません。', 'failed');
    return;
  }
  if (!response.ok) {
    printStatus(await errorMessage(response, '印刷できませんでした。'), 'failed');
    return;
  }
  const result = await response.json();
  $('#receipt-box').replaceChildren(
    receiptView(receiptOf(checkout), methodNames(), { reissue: result.issue.reissue, formal }),
  );
  const label = kind === 'formal' ? '領収書' : 'レシート';
  if (result.printed)
    printStatus(`${label}を印刷しました${result.issue.reissue ? '(再発行)' : ''}。`, 'printed');
  else printStatus(`${label}を印刷できませんでした: ${result.reason}`, 'failed');
}

async function showHistory() {
  const done = (await all('checkouts'))
    .filter((c) => c.status === 'completed')
    .sort((a, b) => (a.completedAt < b.completedAt ? 1 : -1));
  $('#history-list').replaceChildren(
    ...done.map((c) =>
      el(
        'li',
        { 'data-id': c.id },
        `${c.completedAt.slice(11, 16)} ${yen(totalsOf(c, state.boot.company.roundingMode).total)} `,
        el(
          'button',
          { class: 'cancel', onclick: () => void changeCompleted(c, 'cancelled') },
          '取消',
        ),
        el(
          'button',
          { class: 'redo', onclick: () => void changeCompleted(c, 'redone') },
          'やり直し',
        ),
        el('button', { class: 'reprint', onclick: () => showReceipt(c) }, 'レシート'),
      ),
    ),
  );
  $('#history').hidden = false;
}

/** 取消 / やり直し: the completed checkout's next revision; a redo opens a new cart with `redoes`. */
async function changeCompleted(checkout, status) {
  await store({ ...checkout, revision: checkout.revision + 1, status });
  if (status === 'redone') {
    recall({
      ...checkout,
      id: crypto.randomUUID(),
      revision: 0,
      startedAt: nowIso(),
      redoes: checkout.id,
    });
  }
  $('#history').hidden = true;
}

async function drawer(type) {
  const amount = Number($('#drawer-amount').value);
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    $('#drawer-error').textContent = '金額は1円以上の整数で入力してください。';
    return;
  }
  // Cleared before the save: what is typed meanwhile belongs to the next レジ入出金.
  $('#drawer-amount').value = '';
  $('#drawer-error').textContent = '';
  await saveDrawerEvent({
    id: crypto.randomUUID(),
    type,
    storeCode: state.boot.store.code,
    registerCode: state.boot.registerCode,
    businessDate: businessDate(),
    at: nowIso(),
    amount,
  });
  sender.kick();
  await renderStatus();
}

async function expectedCash(float) {
  const date = businessDate();
  const methods = methodsByCode();
  let cash = float;
  for (const c of await all('checkouts'))
    if (c.status === 'completed' && c.businessDate === date)
      cash += cashEffect(c, state.boot.company.roundingMode, methods);
  for (const d of await all('drawer'))
    if (d.businessDate === date) cash += d.type === 'cashIn' ? d.amount : -d.amount;
  return cash;
}

async function renderClose() {
  const counted = denominations.reduce(
    (sum, d) => sum + d * (Number($(`[data-denom="${d}"]`).value) || 0),
    0,
  );
  const float = Number($('#float').value) || 0;
  const expected = await expectedCash(float);
  $('#counted').textContent = yen(counted);
  $('#expected').textContent = yen(expected);
  $('#difference').textContent = yen(counted - expected);
  return { counted, float };
}

async function confirmClose() {
  const { counted, float } = await renderClose();
  const response = await fetch('/api/v1/register/close', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${state.setup.token}`,
      'idempotency-key': `close:${crypto.randomUUID()}`,
    },
    body: JSON.stringify({
      businessDate: businessDate(),
      float,
      countedCash: counted,
      unsent: await unsentCheckouts(),
    }),
  });
  const body = await response.json();
  if (!response.ok) {
    $('#close-error').textContent = body.error?.message ?? '閉局できませんでした。';
    return;
  }
  $('#report-box').replaceChildren(reportView(body.report));
  state.closed = { businessDate: businessDate(), version: body.version };
  $('#report-print').hidden = !state.boot.store.hasPrinter;
  $('#report-print-status').textContent = state.boot.store.hasPrinter
    ? '日報をレシートプリンターに送ります。'
    : 'レシートプリンターが設定されていないため、日報は画面にだけ表示しています。';
}

/** 日報を印刷 (again): a print job of the close version just made, on the store's printer. */
async function printReport() {
  if (!state.closed) return;
  const { businessDate: date, version } = state.closed;
  const response = await fetch(
    `/api/v1/stores/${encodeURIComponent(state.boot.store.code)}/days/${date}/print`,
    {
      method: 'POST',
      headers: authorized({ 'content-type': 'application/json' }),
      body: JSON.stringify({ version }),
    },
  ).catch(() => null);
  $('#report-print-status').textContent = !response
    ? 'サーバーに接続できないため印刷できません。'
    : response.ok
      ? '日報の印刷を受け付けました。'
      : await errorMessage(response, '日報を印刷できませんでした。');
}

async function showErrors() {
  const rejected = await sender.rejected();
  $('#errors-list').replaceChildren(
    ...rejected.map((r) =>
      el(
        'li',
        { 'data-testid': 'send-error', 'data-id': r.entry.id },
        `${r.entry.kind === 'checkout' ? '会計' : '入出金'} ${r.entry.id.slice(0, 8)} 第${r.entry.revision}版: ${r.message}`,
      ),
    ),
  );
  $('#errors').hidden = false;
}

async function renderStatus() {
  const count = sender ? await sender.unsentCount() : 0;
  $('#unsent').textContent = `未送信 ${count}`;
  $('#unsent').dataset.count = String(count);
  const errors = sender ? (await sender.rejected()).length : 0;
  $('#errors-open').textContent = `送信エラー ${errors}`;
  $('#errors-open').dataset.count = String(errors);
  $('#errors-open').hidden = errors === 0;
  $('#online').textContent = navigator.onLine ? 'オンライン' : 'オフライン';
}

function wire() {
  const on = (id, handler) => $(id).addEventListener('click', handler);
  on('#hold', () => void hold());
  on('#recall-open', () => void showRecall());
  on('#abort', () => void abort());
  on('#pay', openTender);
  on('#commit', () => void commit());
  on('#tender-cancel', () => {
    $('#tender').hidden = true;
  });
  on('#receipt-close', () => {
    $('#receipt-panel').hidden = true;
  });
  on('#receipt-print', () => void printReceipt('receipt'));
  on('#formal-print', () => void printReceipt('formal'));
  on('#report-print', () => void printReport());
  on('#errors-open', () => void showErrors());
  on('#errors-close', () => {
    $('#errors').hidden = true;
  });
  on('#history-open', () => void showHistory());
  on('#history-close', () => {
    $('#history').hidden = true;
  });
  on('#qty-up', () =>
    changeSelected((l) => {
      l.quantity += Math.sign(l.quantity) || 1;
    }),
  );
  on('#qty-down', () =>
    changeSelected((l) => {
      l.quantity -= Math.sign(l.quantity) || 1;
    }),
  );
  on('#line-discount', () =>
    changeSelected((l) => {
      l.discount = Number($('#adjust').value) || 0;
    }),
  );
  on('#order-discount', () => {
    state.cart.orderDiscount = Number($('#adjust').value) || 0;
    renderCart();
  });
  on('#return-mode', () => {
    state.returnMode = !state.returnMode;
    renderCart();
  });
  on('#cash-in', () => void drawer('cashIn'));
  on('#cash-out', () => void drawer('cashOut'));
  on('#close-open', () => {
    $('#close').hidden = false;
    void renderClose();
  });
  on('#close-confirm', () => void confirmClose());
  on('#close-cancel', () => {
    $('#close').hidden = true;
  });
  $('#customers').addEventListener('change', () => {
    state.cart.customerCount = Math.max(0, Number($('#customers').value) || 0);
  });
  $('#close').addEventListener('input', () => void renderClose());
  $('#methods').replaceChildren(
    ...state.boot.paymentMethods.map((m) =>
      el('button', { class: 'method', 'data-code': m.code, onclick: () => addPayment(m) }, m.name),
    ),
  );
  $('#staff').replaceChildren(
    el('option', { value: '' }, '担当者'),
    ...state.boot.staff.map((s) => el('option', { value: s.code }, s.name)),
  );
  $('#denoms').replaceChildren(
    ...denominations.map((d) =>
      el(
        'label',
        {},
        `${yen(d)} `,
        el('input', { type: 'number', min: 0, 'data-denom': d, inputmode: 'numeric' }),
      ),
    ),
  );
  window.addEventListener('online', () => {
    sender.kick();
    void renderStatus();
  });
  window.addEventListener('offline', () => void renderStatus());
}

async function bootstrap() {
  const response = await fetch('/api/v1/register/bootstrap', {
    headers: { authorization: `Bearer ${state.setup.token}` },
  }).catch(() => null);
  if (response?.ok) {
    state.boot = await response.json();
    await setConfig('boot', state.boot);
  } else {
    state.boot = await getConfig('boot');
  }
  if (!state.boot) {
    $('#setup-error').textContent = 'トークンが無効か、サーバーに接続できません。';
    $('#setup').hidden = false;
    return;
  }
  $('#setup').hidden = true;
  $('#main').hidden = false;
  $('#store-name').textContent = `${state.boot.store.name} / レジ${state.boot.registerCode}`;
  sender = createSender({ token: () => state.setup.token, onChange: () => void renderStatus() });
  state.cart = newCart();
  wire();
  renderTabs();
  renderCart();
  await renderStatus();
  sender.kick();
  document.body.dataset.ready = 'true';
}

async function start() {
  if ('serviceWorker' in navigator)
    await navigator.serviceWorker
      .register('/register/sw.js', { scope: '/register' })
      .catch(() => undefined);
  state.setup = await getConfig('setup');
  $('#setup-save').addEventListener('click', async () => {
    state.setup = { token: $('#token').value.trim() };
    await setConfig('setup', state.setup);
    await bootstrap();
  });
  $('#pair-save').addEventListener('click', () => void pair($('#pair-code').value));
  const fromQr = /^#pair=([A-Za-z0-9-]+)$/.exec(location.hash);
  if (fromQr) await pair(fromQr[1]);
  else if (state.setup) await bootstrap();
  else $('#setup').hidden = false;
}

/** Pairing: the one-time code (typed, or from the console's QR code) becomes the register token. */
async function pair(code) {
  const response = await fetch('/register/pair', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code.trim() }),
  }).catch(() => null);
  const body = response ? await response.json() : null;
  if (!response?.ok) {
    $('#setup').hidden = false;
    $('#setup-error').textContent = body?.error?.message ?? 'サーバーに接続できません。';
    return;
  }
  history.replaceState(null, '', '/register');
  state.setup = { token: body.token };
  await setConfig('setup', state.setup);
  await bootstrap();
}

void start();
