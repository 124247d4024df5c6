// Printing a checkout's receipt (レシート) or 領収書 on the store's printer, from the register or from
// the console's 会計詳細 (receipt spec: a receipt can be printed again marked as a copy; a 領収書 is
// issued once, later ones 再発行):
//   1. the checkout's latest revision as the ledger holds it (an unsent one is not there yet: 404);
//   2. the issue is recorded (register_receipt_issues, status printing) BEFORE the printer is called,
//      with its count and whether an earlier one of the same kind was printed (→ 【再発行】);
//   3. rendered through the receiptline path and sent; the row is marked printed or failed with the
//      printer's Japanese reason (a failed print is no issue: the next one is not a copy).
import { CheckoutContract } from '../ledger/contract.js';
import { allowedPrinterAddress, type PrinterNetworkDeps } from '../network/printer-network.js';
import { AppError, conflict, forbidden, notFound, validationError } from '../errors.js';
import type { Clock } from '../clock.js';
import type { FieldError } from '../errors.js';
import type { PrinterSetting, Store } from '../tenancy/model.js';
import type { TenancyStore } from '../tenancy/ports.js';
import type { PrintOutcome } from '../report/ports.js';
import type { ReceiptRenderOptions } from '../receipt/rendering.js';
import { indexPaymentMethods } from '../../domain/ledger/payment-methods.js';
import {
  buildReceipt,
  ReceiptNotIssuableError,
  type Receipt,
} from '../../domain/receipt/receipt.js';
import type {
  ReceiptIssueRecord,
  ReceiptIssueSource,
  ReceiptIssueStore,
  ReceiptKind,
  RegisterStore,
} from './ports.js';

export const receiptTextMax = 40;
export const checkoutIdLengthMax = 100;
export const receiptIssuesListedMax = 100;

export interface ReceiptPrinter {
  print(
    receipt: Receipt,
    options: ReceiptRenderOptions,
    printer: PrinterSetting,
  ): Promise<PrintOutcome>;
}

export interface ReceiptIssueDeps {
  store: RegisterStore;
  issues: ReceiptIssueStore;
  tenancyRead: TenancyStore;
  receiptPrinter: ReceiptPrinter;
  /** The company's printer network setting, checked before every send (issue #10 item 12). */
  network: PrinterNetworkDeps;
  clock: Clock;
}

/** Who asks: a register (only its own store's checkouts) or console staff of the company. */
export interface ReceiptActor {
  companyId: string;
  /** Set for a register token: the store it belongs to. */
  storeCode?: string;
  label: string;
  source: ReceiptIssueSource;
}

export interface ReceiptIssueRequest {
  checkoutId: string;
  kind: ReceiptKind;
  addressee?: string | undefined;
  note?: string | undefined;
}

export interface ReceiptIssueResult {
  issue: ReceiptIssueRecord;
  printed: boolean;
  /** Japanese, when the printer did not take it. */
  reason: string | null;
  receipt: Receipt;
}

const hasControlChar = (text: string) =>
  [...text].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });

function textField(
  path: string,
  label: string,
  value: string | undefined,
  errors: FieldError[],
): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > receiptTextMax)
    errors.push({
      path,
      code: 'too_long',
      message: `${label}は${receiptTextMax}文字以内で入力してください。`,
    });
  else if (hasControlChar(trimmed))
    errors.push({ path, code: 'invalid_text', message: `${label}に改行や制御文字は使えません。` });
  return trimmed === '' ? null : trimmed;
}

function checkRequest(request: ReceiptIssueRequest): {
  addressee: string | null;
  note: string | null;
} {
  const errors: FieldError[] = [];
  if (
    typeof request.checkoutId !== 'string' ||
    request.checkoutId.length === 0 ||
    request.checkoutId.length > checkoutIdLengthMax
  )
    errors.push({
      path: 'checkoutId',
      code: 'invalid_checkout_id',
      message: `会計IDを${checkoutIdLengthMax}文字以内で指定してください。`,
    });
  if (request.kind !== 'receipt' && request.kind !== 'formal')
    errors.push({
      path: 'kind',
      code: 'invalid_kind',
      message: '種類は receipt(レシート)か formal(領収書)を指定してください。',
    });
  const addressee = textField('addressee', '宛名', request.addressee, errors);
  const note = textField('note', '但し書き', request.note, errors);
  if (request.kind === 'receipt' && (addressee !== null || note !== null))
    errors.push({
      path: addressee !== null ? 'addressee' : 'note',
      code: 'not_for_receipt',
      message: '宛名・但し書きは領収書(formal)にだけ指定できます。',
    });
  if (errors.length > 0) throw validationError(errors);
  return { addressee, note };
}

const printerMissing = (store: Store) =>
  conflict(
    'printer_not_configured',
    `店舗「${store.name}」にレシートプリンターが設定されていません。運用管理設定 > 店舗 で設定してください。`,
    [
      {
        path: 'printer',
        code: 'printer_not_configured',
        message: 'レシートプリンターが設定されていません。',
      },
    ],
  );

/** The receipt of the checkout as the ledger holds it, with its store (ownership checked). */
async function receiptOf(
  deps: ReceiptIssueDeps,
  actor: ReceiptActor,
  checkoutId: string,
): Promise<{
  receipt: Receipt;
  revision: number;
  store: Store;
  methodNames: Record<string, string>;
}> {
  const stored = await deps.issues.findCheckout(actor.companyId, checkoutId);
  if (!stored)
    throw notFound(
      'checkout',
      `会計 ${checkoutId} はサーバーにまだありません(未送信の場合は送信後に印刷してください)。`,
    );
  if (actor.storeCode !== undefined && actor.storeCode !== stored.storeCode)
    throw forbidden('この端末のトークンでは、他の店舗の会計は印刷できません。');
  const parsed = CheckoutContract.safeParse(stored.document);
  if (!parsed.success) throw new Error(`stored checkout ${checkoutId} does not parse`);
  const [company, store, methods, registrationNumber] = await Promise.all([
    deps.tenancyRead.findCompanyById(actor.companyId),
    deps.tenancyRead.findStore(actor.companyId, stored.storeCode),
    deps.tenancyRead.listPaymentMethods(actor.companyId),
    deps.store.registrationNumber(actor.companyId),
  ]);
  if (!company || !store) throw notFound('store', `店舗「${stored.storeCode}」が見つかりません。`);
  try {
    const receipt = buildReceipt({
      checkout: parsed.data,
      issuer: {
        name: company.name,
        ...(registrationNumber ? { registrationNumber } : {}),
      },
      store: { name: store.name, timeZone: store.timeZone },
      methods: indexPaymentMethods(methods),
      roundingMode: company.roundingMode,
    });
    const methodNames = Object.fromEntries(methods.map((m) => [m.code, m.name]));
    return { receipt, revision: stored.revision, store, methodNames };
  } catch (error) {
    if (error instanceof ReceiptNotIssuableError)
      throw new AppError(
        'conflict',
        'receipt_not_issuable',
        `会計 ${checkoutId} は完了していないため、レシートを発行できません(状態: ${error.status})。`,
        [{ path: 'checkoutId', message: '完了した会計を指定してください。' }],
        error.message,
      );
    throw error;
  }
}

/** Records and prints one receipt / 領収書 of a checkout; the second and later printed ones say 再発行. */
export async function issueReceipt(
  deps: ReceiptIssueDeps,
  actor: ReceiptActor,
  request: ReceiptIssueRequest,
): Promise<ReceiptIssueResult> {
  const { addressee, note } = checkRequest(request);
  const { receipt, revision, store, methodNames } = await receiptOf(
    deps,
    actor,
    request.checkoutId,
  );
  if (!store.printer) throw printerMissing(store);
  // A refused address is 400 on printer.host before anything is recorded; the send goes to the
  // checked address, not to the name again.
  const address = await allowedPrinterAddress(deps.network, actor.companyId, store.printer.host);
  const issue = await deps.issues.recordIssue(
    {
      companyId: actor.companyId,
      checkoutId: request.checkoutId,
      revision,
      kind: request.kind,
      addressee,
      note,
      source: actor.source,
      requestedBy: actor.label,
    },
    deps.clock.now(),
  );
  const outcome = await deps.receiptPrinter.print(
    receipt,
    {
      reissue: issue.reissue,
      methodNames,
      ...(request.kind === 'formal'
        ? { formalReceipt: { addressee: addressee ?? '', note: note ?? '' } }
        : {}),
    },
    { ...store.printer, host: address },
  );
  const marked = outcome.ok
    ? { status: 'printed' as const, reason: null, printerAddress: outcome.printerAddress }
    : {
        status: 'failed' as const,
        reason: outcome.userMessage,
        printerAddress: outcome.printerAddress,
      };
  await deps.issues.markIssue(issue.id, marked, deps.clock.now());
  return {
    issue: { ...issue, ...marked },
    printed: outcome.ok,
    reason: marked.reason,
    receipt,
  };
}

/** The issues of a checkout, oldest first (ownership as for printing). */
export async function receiptIssues(
  deps: ReceiptIssueDeps,
  actor: ReceiptActor,
  checkoutId: string,
): Promise<ReceiptIssueRecord[]> {
  const stored = await deps.issues.findCheckout(actor.companyId, checkoutId);
  if (!stored) throw notFound('checkout', `会計 ${checkoutId} が見つかりません。`);
  if (actor.storeCode !== undefined && actor.storeCode !== stored.storeCode)
    throw forbidden('この端末のトークンでは、他の店舗の会計は扱えません。');
  return deps.issues.listIssues(actor.companyId, checkoutId, receiptIssuesListedMax);
}
