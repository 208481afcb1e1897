// Opening a handout page from disk as a reader without a network would: shared by the tests.
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";

/** A handout page open in its own browser context, with what it logged and tried to fetch. */
export interface OfflinePage {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request other than the page itself: all of them were refused. */
  requests: string[];
  /** Closes the page's browser context. */
  close: () => Promise<void>;
}

/**
 * Opens `file` in a new context of `browser` with every request refused except the page itself,
 * and waits until the page's drawing tracker says every figure has drawn.
 */
export async function openOffline(browser: Browser, file: string, viewportWidth: number): Promise<OfflinePage> {
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: viewportWidth, height: 900 } });
  const requests: string[] = [];
  await context.route("**/*", (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => (window as unknown as { ebmHandout?: { figuresDrawn(): Promise<number> } }).ebmHandout?.figuresDrawn());
  return { page, errors, requests, close: () => context.close() };
}
