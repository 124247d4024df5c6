// The register's service worker: serves the register's shell (page, scripts) from its cache so the
// page opens with the network gone; API calls always go to the network (the send queue retries).
const cacheName = 'uriage-register-v1';
const shell = [
  '/register',
  '/register/app.js',
  '/register/ui.js',
  '/register/db.js',
  '/register/sync.js',
  '/register/money.js',
  '/register/register.css',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(shell))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !shell.includes(url.pathname)) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        const copy = response.clone();
        void caches.open(cacheName).then((cache) => cache.put(event.request, copy));
        return response;
      })
      .catch(() => caches.match(event.request).then((hit) => hit ?? Response.error())),
  );
});
