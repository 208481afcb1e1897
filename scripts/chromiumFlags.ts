/**
 * The flags headless Chromium needs on the machines this course runs on (as root in CI, no GPU,
 * no network), shared by the PDF handouts (scripts/handouts/pdf.ts) and the browser test
 * (test/browser/chromium.ts). Playwright adds --headless and a fresh temporary --user-data-dir
 * of its own.
 *
 * (--disable-crashpad-for-testing would spare the crash-reporter process, but with it every
 * navigation fails with net::ERR_ABORTED in Debian's Chromium 156.)
 *
 * @example
 * import { chromium } from "playwright-core";
 * const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
