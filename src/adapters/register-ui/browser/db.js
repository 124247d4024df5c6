// The register's local storage (IndexedDB, raw API): every checkout is written here BEFORE anything
// is sent. Stores: `checkouts` (latest revision of each checkout, by id), `outbox` (what is still to
// send, in order: auto-increment key), `drawer` (レジ入出金), `config` (token and settings),
// `rejected` (送信エラー: entries the server refused with a 4xx, with its Japanese message).
const dbName = 'uriage-register';
const dbVersion = 2;

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let opened = null;

export function openDb() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, dbVersion);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (event.oldVersion < 1) {
        db.createObjectStore('checkouts', { keyPath: 'id' });
        db.createObjectStore('outbox', { autoIncrement: true });
        db.createObjectStore('drawer', { keyPath: 'id' });
        db.createObjectStore('config');
      }
      if (event.oldVersion < 2) db.createObjectStore('rejected', { autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** The checkout and its outbox entry in ONE transaction: stored locally, then queued. */
export async function saveCheckout(checkout) {
  const db = await openDb();
  const tx = db.transaction(['checkouts', 'outbox'], 'readwrite');
  tx.objectStore('checkouts').put(checkout);
  tx.objectStore('outbox').add({
    kind: 'checkout',
    id: checkout.id,
    revision: checkout.revision,
    body: checkout,
  });
  await done(tx);
}

export async function saveDrawerEvent(event) {
  const db = await openDb();
  const tx = db.transaction(['drawer', 'outbox'], 'readwrite');
  tx.objectStore('drawer').put(event);
  tx.objectStore('outbox').add({ kind: 'drawer', id: event.id, revision: 1, body: event });
  await done(tx);
}

export async function all(storeName) {
  const db = await openDb();
  return promised(db.transaction(storeName).objectStore(storeName).getAll());
}

export async function getCheckout(id) {
  const db = await openDb();
  return promised(db.transaction('checkouts').objectStore('checkouts').get(id));
}

/** The oldest outbox entry with its key, or null. */
export async function firstOutbox() {
  const db = await openDb();
  const cursor = await promised(db.transaction('outbox').objectStore('outbox').openCursor());
  return cursor ? { key: cursor.key, entry: cursor.value } : null;
}

export async function outboxCount() {
  const db = await openDb();
  return promised(db.transaction('outbox').objectStore('outbox').count());
}

export async function outboxEntries() {
  return all('outbox');
}

export async function deleteOutbox(key) {
  const db = await openDb();
  const tx = db.transaction('outbox', 'readwrite');
  tx.objectStore('outbox').delete(key);
  await done(tx);
}

/** 送信エラー: the refused entry leaves the outbox and joins the rejected list in ONE transaction. */
export async function rejectOutbox(key, rejection) {
  const db = await openDb();
  const tx = db.transaction(['outbox', 'rejected'], 'readwrite');
  tx.objectStore('outbox').delete(key);
  tx.objectStore('rejected').add(rejection);
  await done(tx);
}

export async function getConfig(key) {
  const db = await openDb();
  return promised(db.transaction('config').objectStore('config').get(key));
}

export async function setConfig(key, value) {
  const db = await openDb();
  const tx = db.transaction('config', 'readwrite');
  tx.objectStore('config').put(value, key);
  await done(tx);
}
