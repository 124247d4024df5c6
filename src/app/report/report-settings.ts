// Report settings per store (spec §3): title; hourly on/off with start and end hour (a late-night
// store uses 24–29 for the next morning: 10 → 26 prints 10時…26時); the tax-rate breakdowns for
// 売上・税・純売上 and for 支払い方法. They shape the printout and the console; the JSON keeps
// every figure. Stored in stores.report_settings (null = defaults).
import { defaultReportSettings, type ReportSettings } from '../../domain/report/types.js';
import type { Clock } from '../clock.js';
import { notFound, validationError, type FieldError } from '../errors.js';
import type { TenancyUnitOfWork } from '../tenancy/ports.js';

export const titleLengthMax = 40;
export const startHourMax = 23;
export const endHourMax = 29;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isHour = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;

function checkBoolean(path: string, value: unknown, label: string, errors: FieldError[]): void {
  if (typeof value !== 'boolean')
    errors.push({
      path,
      code: 'invalid_type',
      message: `${label}はオン(true)かオフ(false)で指定してください。`,
    });
}

function checkHourly(value: unknown, errors: FieldError[]): void {
  if (!isObject(value)) {
    errors.push({
      path: 'hourly',
      code: 'invalid_type',
      message: '1時間ごとの売上の設定(enabled・startHour・endHour)を指定してください。',
    });
    return;
  }
  checkBoolean('hourly.enabled', value.enabled, '1時間ごとの売上の印刷', errors);
  if (!isHour(value.startHour, startHourMax)) {
    errors.push({
      path: 'hourly.startHour',
      code: 'invalid_hour',
      message: `開始時間は0〜${startHourMax}時の整数で指定してください。`,
    });
    return;
  }
  if (!isHour(value.endHour, endHourMax) || value.endHour < value.startHour) {
    errors.push({
      path: 'hourly.endHour',
      code: 'invalid_hour',
      message: `終了時間は開始時間(${value.startHour}時)〜${endHourMax}時の整数で指定してください(翌朝は24〜29時)。`,
    });
  }
}

/** Every wrong field of the input, named, in Japanese; [] when the input is valid. */
export function reportSettingsErrors(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isObject(input))
    return [{ path: '', code: 'invalid_type', message: '日報の設定を指定してください。' }];
  const title = input.title;
  if (typeof title !== 'string' || title.trim() === '' || title.length > titleLengthMax) {
    errors.push({
      path: 'title',
      code: 'invalid_title',
      message: `タイトルを1〜${titleLengthMax}文字で入力してください。`,
    });
  }
  checkHourly(input.hourly, errors);
  if (!isObject(input.taxBreakdown)) {
    errors.push({
      path: 'taxBreakdown',
      code: 'invalid_type',
      message: '税率ごとの内訳の設定(sales・paymentMethods)を指定してください。',
    });
  } else {
    checkBoolean(
      'taxBreakdown.sales',
      input.taxBreakdown.sales,
      '税率ごとの内訳【売上・税・純売上】',
      errors,
    );
    checkBoolean(
      'taxBreakdown.paymentMethods',
      input.taxBreakdown.paymentMethods,
      '税率ごとの内訳【支払い方法】',
      errors,
    );
  }
  return errors;
}

/** The checked settings, without unknown keys. Throws a validation error naming each wrong field. */
export function parseReportSettings(input: unknown): ReportSettings {
  const errors = reportSettingsErrors(input);
  if (errors.length > 0) throw validationError(errors, '日報の設定に誤りがあります。');
  const value = input as ReportSettings;
  return {
    title: value.title.trim(),
    hourly: {
      enabled: value.hourly.enabled,
      startHour: value.hourly.startHour,
      endHour: value.hourly.endHour,
    },
    taxBreakdown: {
      sales: value.taxBreakdown.sales,
      paymentMethods: value.taxBreakdown.paymentMethods,
    },
  };
}

/**
 * The settings a report is built and printed with. Stored settings come from this module or from
 * PUT /stores (looser); an end hour below the start hour means the next morning (domain decision),
 * so it is written as 24 + end for the printout, capped at 29.
 */
export function effectiveReportSettings(stored: ReportSettings | null): ReportSettings {
  if (stored === null) return defaultReportSettings;
  const { startHour, endHour } = stored.hourly;
  const nextMorningEnd = endHour < startHour ? Math.min(endHour + 24, endHourMax) : endHour;
  return { ...stored, hourly: { ...stored.hourly, endHour: Math.max(nextMorningEnd, startHour) } };
}

export interface ReportSettingsDeps {
  tenancy: TenancyUnitOfWork;
  clock: Clock;
}

export async function getReportSettings(
  deps: ReportSettingsDeps,
  companyId: string,
  storeCode: string,
): Promise<{ settings: ReportSettings; stored: boolean }> {
  const store = await deps.tenancy.read.findStore(companyId, storeCode);
  if (!store) throw notFound('store', `店舗コード「${storeCode}」の店舗が見つかりません。`);
  return {
    settings: effectiveReportSettings(store.reportSettings),
    stored: store.reportSettings !== null,
  };
}

/** Validates, then replaces the store's report settings; nothing is written when a field is wrong. */
export async function saveReportSettings(
  deps: ReportSettingsDeps,
  companyId: string,
  storeCode: string,
  input: unknown,
): Promise<ReportSettings> {
  const settings = parseReportSettings(input);
  const now = deps.clock.now();
  return deps.tenancy.transaction(async (tenancy) => {
    const store = await tenancy.findStore(companyId, storeCode);
    if (!store) throw notFound('store', `店舗コード「${storeCode}」の店舗が見つかりません。`);
    const saved = await tenancy.upsertStore(
      companyId,
      { code: store.code, name: store.name, timeZone: store.timeZone, reportSettings: settings },
      now,
    );
    return effectiveReportSettings(saved.reportSettings);
  });
}
