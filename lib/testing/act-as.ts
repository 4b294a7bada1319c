// The one seam between tests that call server actions and Next.js: a request scope of our own.
//
// What it replaces, and only inside `actAs(browser, …)`: Next.js's per-request APIs, which exist
// only inside a running Next server — `headers()` and `cookies()` from next/headers (answered from
// the test browser's cookie jar), `revalidatePath`/`revalidateTag` from next/cache (recorded on the
// browser) and `after` from next/server (queued; `settle()` runs the tasks). Outside `actAs` the
// real functions answer, so loading this file for every test file (vitest setupFiles) changes
// nothing for other tests. Everything behind these APIs is real: next-auth signs in through the
// Credentials provider (argon2, throttling, audit) and sets its real session cookie, and every
// action reads that cookie back through next-auth's `auth()` and `loadActor`. When sessions change
// (e.g. server-side revocable sessions), this is the one file to follow their API.
import { AsyncLocalStorage } from "node:async_hooks";
import { vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";

type Cookie = { name: string; value: string };
type CookieOptions = { maxAge?: number; expires?: Date | number | string };

/** One visitor: the cookies their browser keeps, and what Next would do after the response. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  readonly revalidated: string[] = [];
  private readonly pendingAfter: (() => unknown)[] = [];

  /** A copy with the same cookies (the same session), so a case can sign out without touching others. */
  clone(): TestBrowser {
    const copy = new TestBrowser();
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  get sessionCookie(): string | undefined {
    for (const [name, value] of this.cookies) if (/(^|\.)session-token(\.\d+)?$/.test(name)) return value;
    return undefined;
  }

  queueAfter(task: () => unknown) {
    this.pendingAfter.push(task);
  }

  /** Runs what the actions handed to `after()`, as Next does once the response is sent. */
  async settle(): Promise<void> {
    while (this.pendingAfter.length > 0) await (this.pendingAfter.shift() as () => unknown)();
  }
}

// Shared through globalThis: the mock factories below and `actAs` must see the same store.
const KEY = Symbol.for("wigiwork.test.request-scope");
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<TestBrowser> };
holder[KEY] ??= new AsyncLocalStorage<TestBrowser>();
const requests = holder[KEY];

function expired(options: CookieOptions = {}): boolean {
  if (options.maxAge !== undefined && options.maxAge <= 0) return true;
  return options.expires !== undefined && new Date(options.expires).getTime() <= Date.now();
}

function cookieStore(b: TestBrowser) {
  const all = (): Cookie[] => [...b.cookies].map(([name, value]) => ({ name, value }));
  return {
    get: (name: string) => all().find((c) => c.name === name),
    getAll: () => all(),
    has: (name: string) => b.cookies.has(name),
    set(nameOrCookie: string | (Cookie & CookieOptions), value?: string, options?: CookieOptions) {
      const cookie =
        typeof nameOrCookie === "string" ? { name: nameOrCookie, value: value ?? "", ...options } : nameOrCookie;
      if (expired(cookie)) b.cookies.delete(cookie.name);
      else b.cookies.set(cookie.name, cookie.value);
    },
    delete: (name: string) => b.cookies.delete(name),
  };
}

function requestHeaders(b: TestBrowser): Headers {
  const cookie = [...b.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  return new Headers({
    host: "portal.test",
    "x-forwarded-proto": "http",
    "x-forwarded-for": "203.0.113.7",
    ...(cookie ? { cookie } : {}),
  });
}

/** The browser of the request in progress, if a test started one. */
const current = () => requests.getStore();

vi.mock("next/headers", async (importOriginal) => {
  const real = await importOriginal<typeof import("next/headers")>();
  return {
    ...real,
    headers: (async () => {
      const b = current();
      return b ? requestHeaders(b) : real.headers();
    }) as typeof real.headers,
    cookies: (async () => {
      const b = current();
      return b ? cookieStore(b) : real.cookies();
    }) as unknown as typeof real.cookies,
  };
});
vi.mock("next/cache", async (importOriginal) => {
  const real = await importOriginal<typeof import("next/cache")>();
  return {
    ...real,
    revalidatePath: ((path, type) => {
      const b = current();
      if (b) b.revalidated.push(path);
      else real.revalidatePath(path, type);
    }) as typeof real.revalidatePath,
    revalidateTag: ((tag, profile) => {
      const b = current();
      if (b) b.revalidated.push(`tag:${tag}`);
      else real.revalidateTag(tag, profile);
    }) as typeof real.revalidateTag,
  };
});
vi.mock("next/server", async (importOriginal) => {
  const real = await importOriginal<typeof import("next/server")>();
  return {
    ...real,
    after: ((task) => {
      const b = current();
      if (b) b.queueAfter(typeof task === "function" ? task : () => task);
      else real.after(task);
    }) as typeof real.after,
  };
});

/** Runs `work` as one request from `b`: the actions inside see its cookies and set cookies on it. */
export function actAs<T>(b: TestBrowser, work: () => Promise<T>): Promise<T> {
  return requests.run(b, work);
}

/** Points the app's shared database handle (`getDb()`) at a test database. */
export function useDatabase(handle: DatabaseHandle) {
  (globalThis as { __wigiDatabase?: DatabaseHandle }).__wigiDatabase = handle;
}
