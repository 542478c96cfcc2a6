// Ôn tập Nghị quyết: the service worker (design: ARCHITECTURE.md, "Offline"). The shell is
// precached and served cache-first; banks (questions/) network-first with the cache as fallback;
// a new worker waits until the page sends "skip-waiting". The trainers' page (BUILD.trainers) is
// cached only on a device that opens it: with the shell when that page installs the worker or
// an earlier version had it, else as it is fetched (and the files it starts later, its QR
// worker, along with the page: BUILD.later). The next line is written by
// scripts/precache.py after every build: do not edit it by hand.
const BUILD = { version: "dev", files: ["./"], trainers: [], later: [] };

const SCOPE = new URL("./", self.location).href;
// Caches are per origin: the scope in the name keeps two copies of the app on one host apart.
const PREFIX = `ontap:${new URL(SCOPE).pathname}:`;
const CACHE = PREFIX + BUILD.version;
const QUESTIONS = new URL("questions/", SCOPE).href;
const SHELL_PAGES = [SCOPE, new URL("index.html", SCOPE).href];
const TRAINERS_PAGE = new URL("soan.html", SCOPE).href;
const TRAINERS = new Set(BUILD.trainers.map((f) => new URL(f, SCOPE).href));
// Trunk's hashed names (ontap-web-123456789abcdef.js, …_bg.wasm): their bytes never change, so
// the copy the page has just downloaded (in the HTTP cache) is the one to keep. Every other file
// is revalidated (a 304 when unchanged), never downloaded a second time on the first visit.
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/;
// A bank fetch not answered by then is served from the cache (a weak connection).
const NETWORK_TIMEOUT_MS = 5000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    trainersWanted().then(async (trainers) => {
      const files = trainers ? BUILD.files.concat(BUILD.trainers) : BUILD.files;
      const cache = await caches.open(CACHE);
      await cache.addAll(
        files.map((f) => new Request(new URL(f, SCOPE).href, { cache: HASHED.test(f) ? "default" : "no-cache" })),
      );
    }),
  );
});

// Whether this device uses the trainers' page: it is open (it may be what installs the worker),
// or a cache of an earlier version holds it.
async function trainersWanted() {
  const windows = await self.clients.matchAll({ includeUncontrolled: true, type: "window" });
  if (windows.some((w) => bare(w.url) === TRAINERS_PAGE)) return true;
  for (const key of (await caches.keys()).filter((k) => k.startsWith(PREFIX))) {
    if (await (await caches.open(key)).match(TRAINERS_PAGE)) return true;
  }
  return false;
}

// An address without its query string and fragment.
function bare(href) {
  const url = new URL(href);
  url.hash = "";
  url.search = "";
  return url.href;
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  url.search = "";
  if (!url.href.startsWith(SCOPE)) return;
  if (request.mode === "navigate" && SHELL_PAGES.includes(url.href)) {
    event.respondWith(shell(request));
  } else if (TRAINERS.has(url.href)) {
    event.respondWith(keptOnUse(request, url.href));
    if (url.href === TRAINERS_PAGE) event.waitUntil(keepLater());
  } else if (url.href.startsWith(QUESTIONS)) {
    event.respondWith(networkFirst(request, url.href));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

// The page, whatever its query string (routes live there): the cached index.html.
async function shell(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(SCOPE)) || fetch(request);
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) || fetch(request);
}

// A trainers' file: from the cache, else fetched and kept (the trainers' page, opened once
// online, then works offline).
async function keptOnUse(request, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

// The trainers' files that page starts only later (its QR worker, to scan): kept when the page
// is, so that all of it works offline once opened online.
async function keepLater() {
  for (const f of BUILD.later) {
    const key = new URL(f, SCOPE).href;
    // Offline: kept the next time the page is opened online.
    await keptOnUse(key, key).catch(() => {});
  }
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request, { cache: "no-cache" }), NETWORK_TIMEOUT_MS);
    if (response.ok) {
      await cache.put(key, response.clone());
      return response;
    }
    return (await cache.match(key)) || response;
  } catch (offline) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw offline;
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
