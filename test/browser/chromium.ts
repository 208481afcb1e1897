// Debian's Chromium for the browser test, driven by playwright-core (never a browser download).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { CHROMIUM_ARGS } from "../../scripts/chromiumFlags";

export const CHROMIUM = "/usr/bin/chromium";


/**
 * Makes sure /usr/bin/chromium exists: installs Debian's `chromium` package with apt-get when
 * it is missing and we are root (as .ci/run does); otherwise fails saying what to do.
 *
 * @throws Error when Chromium is missing and cannot be installed.
 */
export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package ('sudo apt-get install chromium') to run the browser test`);
  }
  console.log(`# ${CHROMIUM} is missing: installing Debian's chromium package with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const run = spawnSync("apt-get", args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 });
    if (run.status !== 0) {
      throw new Error(`apt-get ${args.join(" ")} failed (status ${run.status}): ${(run.stderr || run.stdout || String(run.error)).slice(-2000)}`);
    }
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing`);
  return CHROMIUM;
}

/**
 * Launches headless Chromium with a fresh profile. Its config and cache folders (XDG) go to
 * `homeDir`, so nothing is written to the user's ~/.config/chromium (not even crash reports).
 */
export function launchChromium(executablePath: string, homeDir: string): Promise<Browser> {
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(homeDir, "config"), XDG_CACHE_HOME: path.join(homeDir, "cache") };
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, env, timeout: 60_000 });
}
