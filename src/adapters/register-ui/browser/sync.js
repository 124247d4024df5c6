// The send queue: delivers the outbox in order, one entry at a time, through the ledger's ingest
// (/api/v1/checkouts, /api/v1/drawer-events) with the register token. An entry leaves the outbox
// only after the server answered it (accepted, or already known: id + revision make a resend
// harmless), so a reload in the middle loses nothing and duplicates nothing. Network errors, 5xx,
// 401 (token), 408 and 429 back off (1 s doubling to 30 s) and retry; any other 4xx is the server
// refusing that entry: it moves to the 送信エラー list (IndexedDB `rejected`) with the server's
// Japanese message, so it never blocks the entries behind it.
import { all, deleteOutbox, firstOutbox, outboxCount, outboxEntries, rejectOutbox } from './db.js';

const backoffMinMs = 1000;
const backoffMaxMs = 30000;
const sendsPerRunMax = 10000;
const retriedStatuses = new Set([401, 408, 429]);

/** The server's Japanese message and its field messages, from an error body. */
function messageOf(status, text) {
  try {
    const error = JSON.parse(text).error;
    const fields = (error.fields ?? []).map((f) => `${f.path}: ${f.message}`);
    return [error.message, ...fields].filter(Boolean).join(' / ');
  } catch {
    return `サーバーが受け付けませんでした(HTTP ${status})。`;
  }
}

export function createSender({ token, onChange }) {
  let running = null;
  let backoffMs = backoffMinMs;
  let timer = null;

  async function sendOne(item) {
    const path = item.entry.kind === 'checkout' ? '/api/v1/checkouts' : '/api/v1/drawer-events';
    const response = await fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token()}`,
        'idempotency-key': `${item.entry.kind}:${item.entry.id}:${item.entry.revision}`,
      },
      body: JSON.stringify(item.entry.body),
    });
    if (response.status >= 500 || retriedStatuses.has(response.status))
      throw new Error(`server ${response.status}`);
    if (response.status >= 400) {
      await rejectOutbox(item.key, {
        entry: item.entry,
        status: response.status,
        message: messageOf(response.status, await response.text()),
        at: new Date().toISOString(),
      });
      return;
    }
    await deleteOutbox(item.key);
  }

  async function loop() {
    try {
      for (let sent = 0; sent < sendsPerRunMax; sent += 1) {
        const item = await firstOutbox();
        if (!item) break;
        await sendOne(item);
        backoffMs = backoffMinMs;
        onChange();
      }
    } catch {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), backoffMs);
      backoffMs = Math.min(backoffMs * 2, backoffMaxMs);
    } finally {
      running = null;
      onChange();
    }
  }

  /** One pass over the outbox (the pass already under way, if any). */
  function run() {
    running ??= loop();
    return running;
  }

  return {
    run,
    /** Sends now; resolves when a pass that started after this call has ended. */
    kick() {
      backoffMs = backoffMinMs;
      clearTimeout(timer);
      const current = running;
      return current ? current.then(() => run()) : run();
    },
    async rejected() {
      return all('rejected');
    },
    async unsentCount() {
      return outboxCount();
    },
  };
}

/** The latest unsent revision of each checkout (what the close reports as 未送信の会計). */
export async function unsentCheckouts() {
  const latest = new Map();
  for (const entry of await outboxEntries()) {
    if (entry.kind !== 'checkout') continue;
    const known = latest.get(entry.id);
    if (!known || known.revision < entry.revision) latest.set(entry.id, entry.body);
  }
  return [...latest.values()];
}

/** Whether the checkout still has a revision waiting in the outbox. */
export async function isUnsent(checkoutId) {
  return (await outboxEntries()).some((e) => e.kind === 'checkout' && e.id === checkoutId);
}
