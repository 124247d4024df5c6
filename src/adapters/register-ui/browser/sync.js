// The send queue: delivers the outbox in order, one entry at a time, through the ledger's ingest
// (/api/v1/checkouts, /api/v1/drawer-events) with the register token. An entry leaves the outbox
// only after the server answered it (accepted, or already known: id + revision make a resend
// harmless), so a reload in the middle loses nothing and duplicates nothing. Network errors and
// 5xx back off (1 s doubling to 30 s); a 4xx refusal is kept aside and shown.
import { deleteOutbox, firstOutbox, outboxCount, outboxEntries } from './db.js';

const backoffMinMs = 1000;
const backoffMaxMs = 30000;
const sendsPerRunMax = 10000;

export function createSender({ token, onChange }) {
  let running = false;
  let backoffMs = backoffMinMs;
  let timer = null;
  const rejected = [];

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
    if (response.status >= 500) throw new Error(`server ${response.status}`);
    if (response.status >= 400)
      rejected.push({ entry: item.entry, status: response.status, body: await response.text() });
    await deleteOutbox(item.key);
  }

  async function run() {
    if (running) return;
    running = true;
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
      running = false;
      onChange();
    }
  }

  return {
    run,
    kick() {
      backoffMs = backoffMinMs;
      clearTimeout(timer);
      void run();
    },
    rejected,
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
