// `npm run demo`: the product on the demo gradebook. Starts the demo site, opens Chromium with the
// built extension and the gradebook. With a display it leaves the browser open for you to use; without
// one (or with HEADS_UP_HEADLESS=1) it steps through several term weeks headless, writes screenshots of
// the page and the popup to demo-output/, and prints the proposals here.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../support/browser.mjs';
import { demoCalendar, popupProposals, setCalendarInOptions, tabIdOf } from '../support/extension-pages.mjs';
import { startSite } from './server.mjs';

const OUT = fileURLToPath(new URL('../../demo-output/', import.meta.url));
const FIRST_WEEK = 3;
const LAST_WEEK = 8;
const headless = process.env.HEADS_UP_HEADLESS === '1' || !process.env.DISPLAY;

const site = await startSite({ port: Number(process.env.PORT ?? 0) });
const browser = await launchBrowser({ headless });
const gradebookUrl = `${site.origin}/gradebook/?section=p1&week=${FIRST_WEEK}`;
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(gradebookUrl);
await setCalendarInOptions(browser.context, browser.optionsUrl(), await demoCalendar(page), 'Ms. Dana Lee');
await page.bringToFront();

if (!headless) {
  console.log(`Heads-Up is loaded in Chromium on the demo gradebook: ${gradebookUrl}`);
  console.log('Click "Next week →" on the page to enter a week of grades, then the Heads-Up toolbar button.');
  console.log('Close the browser window to stop.');
  await new Promise((resolve) => browser.context.on('close', resolve));
  await site.close();
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the background has taken in the page as it is now (the popup's status shows this week). */
async function openPopupWhenRead(week) {
  const worker = await browser.serviceWorker();
  const tabId = await tabIdOf(worker, `${site.origin}/gradebook/`);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 900 });
  for (let attempt = 0; attempt < 40; attempt++) {
    await popup.goto(browser.popupUrl(`?tabId=${tabId}`));
    await popup.locator('main[data-fresh="true"]').waitFor();
    const status = await popup.getByTestId('tab-status').textContent();
    if (status?.includes('students') && (await page.evaluate(() => document.readyState)) === 'complete') {
      if (week === FIRST_WEEK || attempt > 2) return popup;
    }
    await pause(300);
  }
  return popup;
}

for (let week = FIRST_WEEK; week <= LAST_WEEK; week++) {
  await pause(1200); // let the content script's debounced re-read reach the background
  await page.screenshot({ path: `${OUT}gradebook-week-${week}.png` });
  const popup = await openPopupWhenRead(week);
  await popup.screenshot({ path: `${OUT}popup-week-${week}.png`, fullPage: true });
  const { concerns, positives } = await popupProposals(popup);
  console.log(`\n== Term week ${week}: ${concerns.length} heads-up, ${positives.length} good news ==`);
  for (const p of concerns) console.log(`  ! ${p.student} (${p.section}): ${p.reason}`);
  for (const p of positives) console.log(`  + ${p.student} (${p.section}): ${p.reason}`);
  if (week === LAST_WEEK && concerns.length > 0) {
    await popup.getByTestId('concerns').getByRole('button', { name: 'Draft a message' }).first().click();
    await popup.screenshot({ path: `${OUT}composer.png`, fullPage: true });
    console.log(`\n-- Draft for ${concerns[0].student} --`);
    console.log(`Subject: ${await popup.getByTestId('draft-subject').inputValue()}\n`);
    console.log(await popup.getByTestId('draft-body').inputValue());
    await popup.getByTestId('channel-picker').getByLabel('Text message').check();
    console.log(`\n-- The same as a text message (${await popup.getByTestId('sms-segments').textContent()}) --`);
    console.log(await popup.getByTestId('draft-body').inputValue());
    await popup.getByTestId('language-picker').selectOption('es');
    console.log('\n-- … and in Spanish --');
    console.log(await popup.getByTestId('draft-body').inputValue());
    await popup.screenshot({ path: `${OUT}composer-text-es.png`, fullPage: true });
  }
  await popup.close();
  if (week < LAST_WEEK) await page.locator('#next-week').click();
}

console.log(`\nScreenshots of the gradebook and the popup for weeks ${FIRST_WEEK}–${LAST_WEEK}: ${OUT}`);
await browser.close();
await site.close();
