// レジ入金 / レジ出金 (issue 3 §2), one or a batch, idempotent by id: the same id with the same
// content again is `unchanged`; the same id with other content is refused (`drawer_event_conflict`).
// An event is a fact, not a document with revisions: a wrong one is corrected by a new event.
import { isBusinessDate } from '../../domain/calendar/business-date.js';
import { yen } from '../../domain/money/yen.js';
import { AppError, validationError, type FieldError } from '../errors.js';
import { sha256Hex } from './content-hash.js';
import { DrawerEventContract } from './contract.js';
import { loadContext, type LedgerDeps } from './deps.js';
import { fieldErrorsOf, prefixed } from './field-errors.js';
import {
  batchReport,
  type BatchReport,
  type CompanyLedgerContext,
  type DrawerEventWrite,
  type ItemRejection,
  type ItemResult,
  type LedgerActor,
} from './model.js';
import { placeOf } from './prepare-checkout.js';

export const drawerEventsPerBatchMax = 1000;

interface PreparedEvent {
  index: number;
  path: string;
  write: DrawerEventWrite;
}

type Prepared =
  { ok: true; item: PreparedEvent } | { ok: false; id: string | null; rejection: ItemRejection };

const invalid = (fields: FieldError[]): ItemRejection => ({
  kind: 'validation',
  code: 'validation_failed',
  message: 'レジ入出金の内容に誤りがあります。',
  fields,
});

export function prepareDrawerEvent(
  raw: unknown,
  index: number,
  path: string,
  context: CompanyLedgerContext,
  actor: LedgerActor,
): Prepared {
  const rawId =
    raw !== null && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : null;
  const parsed = DrawerEventContract.safeParse(raw);
  if (!parsed.success)
    return { ok: false, id: rawId, rejection: invalid(fieldErrorsOf(parsed.error.issues, path)) };
  const event = parsed.data;
  const place = placeOf(event, context, actor, path);
  if (place.forbidden)
    return {
      ok: false,
      id: event.id,
      rejection: {
        kind: 'forbidden',
        code: 'forbidden',
        message: 'この端末からは送信できないレジ入出金です。',
        fields: place.errors,
      },
    };
  const errors = [...place.errors];
  if (!isBusinessDate(event.businessDate)) {
    errors.push({
      path: prefixed(path, 'businessDate'),
      code: 'business_date_invalid',
      message: '営業日はYYYY-MM-DD形式の日付で指定してください。',
    });
  }
  if (errors.length > 0 || !place.store || !place.registerId)
    return { ok: false, id: event.id, rejection: invalid(errors) };
  const documentJson = JSON.stringify(event); // schema key order: canonical (see prepare-checkout.ts)
  return {
    ok: true,
    item: {
      index,
      path,
      write: {
        eventId: event.id,
        storeId: place.store.id,
        registerId: place.registerId,
        businessDate: event.businessDate,
        type: event.type,
        at: event.at,
        amountYen: yen(event.amount),
        reason: event.reason ?? null,
        documentJson,
        contentHash: sha256Hex(documentJson),
      },
    },
  };
}

function conflictOf(item: PreparedEvent): ItemRejection {
  const message = `レジ入出金「${item.write.eventId}」は既に別の内容で受け付けています。訂正は新しいIDの入出金で行ってください。`;
  return {
    kind: 'conflict',
    code: 'drawer_event_conflict',
    message,
    fields: [{ path: prefixed(item.path, 'id'), code: 'drawer_event_conflict', message }],
  };
}

interface SortedEvents {
  results: ItemResult[];
  /** The first item of each event id. */
  first: Map<string, PreparedEvent>;
  /** Later items with an id already seen in the batch. */
  repeats: PreparedEvent[];
}

function sortEvents(
  items: readonly unknown[],
  pathOf: (index: number) => string,
  context: CompanyLedgerContext,
  actor: LedgerActor,
): SortedEvents {
  const sorted: SortedEvents = { results: [], first: new Map(), repeats: [] };
  items.forEach((raw, index) => {
    const outcome = prepareDrawerEvent(raw, index, pathOf(index), context, actor);
    if (!outcome.ok)
      sorted.results[index] = {
        index,
        id: outcome.id,
        revision: null,
        result: 'rejected',
        error: outcome.rejection,
      };
    else if (sorted.first.has(outcome.item.write.eventId)) sorted.repeats.push(outcome.item);
    else sorted.first.set(outcome.item.write.eventId, outcome.item);
  });
  return sorted;
}

/** Inserts the new events; the hashes of those already stored. */
async function storeEvents(
  deps: LedgerDeps,
  companyId: string,
  candidates: readonly PreparedEvent[],
): Promise<{ inserted: ReadonlySet<string>; stored: ReadonlyMap<string, string> }> {
  const now = deps.clock.now();
  return deps.uow.transaction(async (tx) => {
    const insertedIds = new Set(
      await tx.insertDrawerEvents(
        companyId,
        candidates.map((c) => c.write),
        now,
      ),
    );
    const others = candidates
      .filter((c) => !insertedIds.has(c.write.eventId))
      .map((c) => c.write.eventId);
    return {
      inserted: insertedIds,
      stored:
        others.length > 0
          ? await tx.findDrawerEventHashes(companyId, others)
          : new Map<string, string>(),
    };
  });
}

function resultOf(
  item: PreparedEvent,
  first: ReadonlyMap<string, PreparedEvent>,
  written: { inserted: ReadonlySet<string>; stored: ReadonlyMap<string, string> },
): ItemResult {
  const id = item.write.eventId;
  const isFirst = first.get(id) === item;
  const storedHash =
    isFirst && written.inserted.has(id)
      ? null
      : (written.stored.get(id) ?? first.get(id)?.write.contentHash);
  if (storedHash === null) return { index: item.index, id, revision: null, result: 'accepted' };
  if (storedHash === item.write.contentHash)
    return { index: item.index, id, revision: null, result: 'unchanged', reason: 'same' };
  return {
    index: item.index,
    id,
    revision: null,
    result: 'rejected',
    error: conflictOf(item),
  };
}

export async function recordDrawerEvents(
  deps: LedgerDeps,
  actor: LedgerActor,
  items: readonly unknown[],
  options: { pathOf: (index: number) => string; context?: CompanyLedgerContext },
): Promise<BatchReport> {
  if (items.length > drawerEventsPerBatchMax) {
    throw validationError([
      {
        path: 'drawerEvents',
        code: 'too_big',
        message: `1回に送信できるレジ入出金は${drawerEventsPerBatchMax}件までです。`,
      },
    ]);
  }
  const context = options.context ?? (await loadContext(deps, actor.companyId));
  const { results, first, repeats } = sortEvents(items, options.pathOf, context, actor);
  const candidates = [...first.values()].sort((a, b) =>
    a.write.eventId < b.write.eventId ? -1 : 1,
  );
  if (candidates.length === 0) return batchReport(results);
  const written = await storeEvents(deps, actor.companyId, candidates);
  for (const item of [...candidates, ...repeats])
    results[item.index] = resultOf(item, first, written);
  return batchReport(results);
}

/** A rejected single item as an error (for one-item requests). */
export function rejectionError(rejection: ItemRejection): AppError {
  return new AppError(
    rejection.kind,
    rejection.code,
    rejection.message,
    rejection.fields,
    `${rejection.code}: ${rejection.fields.map((f) => f.path).join(', ')}`,
  );
}
