// `uriage import FILE`: a day file (spec §6) into the database. The whole file is checked first
// against the company as it will be after the import (stored config merged with the file's) and
// nothing is written when any item is wrong. Then: the company is created or updated (saveCompany),
// checkouts and drawer events go through the same ingest as the API, in batches, and each close is
// made (an identical re-close returns the existing version). Every step is idempotent, so running
// the same file twice leaves the same state.
import type { PaymentMethod } from '../../domain/ledger/types.js';
import { isBusinessDate } from '../../domain/calendar/business-date.js';
import { validationError, type FieldError } from '../errors.js';
import {
  checkCompanyInput,
  saveCompany,
  type CompanyInput,
  type TenancyDeps,
} from '../tenancy/service.js';
import { closeDay } from './close-day.js';
import { DayFileContract, type DayFile } from './contract.js';
import { loadContext, methodIndexOf, type LedgerDeps } from './deps.js';
import { fieldErrorsOf, prefixed } from './field-errors.js';
import { checkoutsPerBatchMax, ingestCheckouts } from './ingest-checkouts.js';
import type { BatchReport, CompanyLedgerContext, LedgerActor, LedgerStoreRef } from './model.js';
import { planCheckouts } from './plan-checkouts.js';
import { prepareCheckout, type PreparedCheckout } from './prepare-checkout.js';
import {
  drawerEventsPerBatchMax,
  prepareDrawerEvent,
  recordDrawerEvents,
} from './record-drawer-events.js';

export const importErrorsShownMax = 200;

export interface ImportDeps {
  tenancy: TenancyDeps;
  ledger: LedgerDeps;
}

export interface ImportSummary {
  company: { code: string; created: boolean };
  checkouts: { accepted: number; unchanged: number; rejected: number };
  drawer: { accepted: number; unchanged: number; rejected: number };
  closes: { storeCode: string; businessDate: string; version: number; created: boolean }[];
  /** Items refused against the stored data (e.g. revision_conflict); empty on success. */
  errors: FieldError[];
}

function companyInputOf(file: DayFile, existingName: string | undefined): CompanyInput {
  const c = file.company;
  return {
    code: c.code,
    name: c.name ?? existingName ?? c.code,
    roundingMode: c.roundingMode,
    paymentMethods: c.paymentMethods,
    stores: c.stores.map((s) => ({
      code: s.code,
      name: s.name,
      timeZone: s.timeZone,
      registers: s.registers,
    })),
  };
}

/** The company as the import will leave it, for checking the file before anything is written. */
function mergedContext(
  input: CompanyInput,
  stored: CompanyLedgerContext | null,
): CompanyLedgerContext {
  const methods = new Map<string, PaymentMethod>(
    (stored?.paymentMethods ?? []).map((m) => [m.code, m]),
  );
  for (const m of input.paymentMethods) methods.set(m.code, m);
  const stores = new Map<string, LedgerStoreRef>(stored?.stores ?? []);
  for (const s of input.stores) {
    const before = stores.get(s.code);
    const registers = new Map(before?.registers ?? []);
    for (const code of s.registers ?? []) if (!registers.has(code)) registers.set(code, 'pending');
    stores.set(s.code, {
      id: before?.id ?? 'pending',
      code: s.code,
      name: s.name,
      timeZone: s.timeZone,
      reportSettings: before?.reportSettings ?? null,
      registers,
    });
  }
  const paymentMethods = [...methods.values()];
  return {
    companyId: stored?.companyId ?? 'pending',
    roundingMode: input.roundingMode,
    paymentMethods,
    methodIndex: methodIndexOf(paymentMethods),
    stores,
  };
}

function fileErrors(
  file: DayFile,
  input: CompanyInput,
  context: CompanyLedgerContext,
  actor: LedgerActor,
): FieldError[] {
  const errors = checkCompanyInput(input).map((e) => ({ ...e, path: prefixed('company', e.path) }));
  const prepared: PreparedCheckout[] = [];
  file.checkouts.forEach((raw, index) => {
    const outcome = prepareCheckout(raw, index, `checkouts[${index}]`, context, actor);
    if (outcome.ok) prepared.push(outcome.item);
    else errors.push(...outcome.rejection.fields);
  });
  for (const decision of planCheckouts(prepared, new Map(), new Map()).decisions) {
    if (decision.outcome === 'rejected') errors.push(...decision.rejection.fields);
  }
  file.drawer.forEach((raw, index) => {
    const outcome = prepareDrawerEvent(raw, index, `drawer[${index}]`, context, actor);
    if (!outcome.ok) errors.push(...outcome.rejection.fields);
  });
  file.closes.forEach((close, index) => {
    if (!context.stores.has(close.storeCode))
      errors.push({
        path: `closes[${index}].storeCode`,
        code: 'store_not_found',
        message: `店舗コード「${close.storeCode}」の店舗は登録されていません。`,
      });
    if (!isBusinessDate(close.businessDate))
      errors.push({
        path: `closes[${index}].businessDate`,
        code: 'business_date_invalid',
        message: '営業日はYYYY-MM-DD形式の日付で指定してください。',
      });
  });
  return errors;
}

function addCounts(
  total: ImportSummary['checkouts'],
  report: BatchReport,
  errors: FieldError[],
): void {
  total.accepted += report.accepted;
  total.unchanged += report.unchanged;
  total.rejected += report.rejected;
  for (const result of report.results) if (result.error) errors.push(...result.error.fields);
}

/** Told after each batch: items (checkouts, drawer events, closes) done of the file's total. */
export type ImportProgress = (done: number, total: number) => void;

async function inBatches(
  items: readonly unknown[],
  size: number,
  write: (batch: readonly unknown[], offset: number) => Promise<BatchReport>,
  total: ImportSummary['checkouts'],
  errors: FieldError[],
  advance: (n: number) => void,
): Promise<void> {
  for (let offset = 0; offset < items.length; offset += size) {
    const batch = items.slice(offset, offset + size);
    addCounts(total, await write(batch, offset), errors);
    advance(batch.length);
  }
}

function emptySummary(code: string, created: boolean): ImportSummary {
  return {
    company: { code, created },
    checkouts: { accepted: 0, unchanged: 0, rejected: 0 },
    drawer: { accepted: 0, unchanged: 0, rejected: 0 },
    closes: [],
    errors: [],
  };
}

/** Tells 0 of total now, then done so far after each advance. */
function counter(total: number, onProgress: ImportProgress): (n: number) => void {
  let done = 0;
  onProgress(0, total);
  return (n) => {
    done += n;
    onProgress(done, total);
  };
}

export async function importDayFile(
  deps: ImportDeps,
  raw: unknown,
  onProgress: ImportProgress = () => undefined,
): Promise<ImportSummary> {
  const parsed = DayFileContract.safeParse(raw);
  if (!parsed.success)
    throw validationError(
      fieldErrorsOf(parsed.error.issues).slice(0, importErrorsShownMax),
      '日次ファイルの形式が正しくありません。',
    );
  const file = parsed.data;
  const existing = await deps.tenancy.uow.read.findCompanyByCode(file.company.code);
  const input = companyInputOf(file, existing?.name);
  const stored = existing ? await loadContext(deps.ledger, existing.id) : null;
  const precheckActor: LedgerActor = { companyId: stored?.companyId ?? 'pending', label: 'import' };
  const errors = fileErrors(file, input, mergedContext(input, stored), precheckActor);
  if (errors.length > 0)
    throw validationError(
      errors.slice(0, importErrorsShownMax),
      `日次ファイルに${errors.length}件の誤りがあります。何も取り込んでいません。`,
    );

  const { company, created } = await saveCompany(deps.tenancy, input);
  const actor: LedgerActor = { companyId: company.id, label: 'import' };
  const context = await loadContext(deps.ledger, company.id);
  const summary = emptySummary(company.code, created);
  const advance = counter(
    file.checkouts.length + file.drawer.length + file.closes.length,
    onProgress,
  );
  await inBatches(
    file.checkouts,
    checkoutsPerBatchMax,
    (batch, offset) =>
      ingestCheckouts(deps.ledger, actor, batch, {
        context,
        pathOf: (i) => `checkouts[${offset + i}]`,
      }),
    summary.checkouts,
    summary.errors,
    advance,
  );
  await inBatches(
    file.drawer,
    drawerEventsPerBatchMax,
    (batch, offset) =>
      recordDrawerEvents(deps.ledger, actor, batch, {
        context,
        pathOf: (i) => `drawer[${offset + i}]`,
      }),
    summary.drawer,
    summary.errors,
    advance,
  );
  for (const request of file.closes) {
    const { close, created: made } = await closeDay(deps.ledger, actor, request);
    summary.closes.push({
      storeCode: request.storeCode,
      businessDate: request.businessDate,
      version: close.version,
      created: made,
    });
    advance(1);
  }
  return summary;
}
