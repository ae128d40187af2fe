/**
 * Browser test harness: Debian's chromium through playwright-core, opening reports from file://
 * with every console message, page error, dialog and request recorded. Tests skip with a
 * message when /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const skipMessage = `chromium not found at ${CHROMIUM}: install it with apt-get install -y chromium fonts-dejavu-core`;
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export interface Session {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'framelens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  page: Page;
  /** Console messages of type error, page errors, and CSP violations. */
  errors: string[];
  /** Every request URL the page made. */
  requests: string[];
  dialogs: string[];
}

/** Opens a report file and waits until its charts are drawn. */
export async function openPage(session: Session, file: string): Promise<OpenedPage> {
  const page = await session.context.newPage();
  const opened: OpenedPage = { page, errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') opened.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => opened.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => opened.requests.push(r.url()));
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-charts') === 'done', null, { timeout: 10_000 });
  return opened;
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}

/** Local link targets on the page (file:// hrefs), as absolute paths with their #fragment. */
export async function localLinks(page: Page): Promise<Array<{ path: string; hash: string }>> {
  const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs
    .filter((h) => h.startsWith('file:'))
    .map((h) => {
      const url = new URL(h);
      return { path: fileURLToPath(url), hash: decodeURIComponent(url.hash.slice(1)) };
    });
}
