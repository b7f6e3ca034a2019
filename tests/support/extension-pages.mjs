// Steps a teacher takes in the extension's own pages, shared by the E2E tests and the demo.

/**
 * The demo gradebook's own calendar, as its page shows it.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ termStart: string, midterm: string, termEnd: string }>}
 */
export async function demoCalendar(page) {
  const el = page.locator('#term-week');
  const [termStart, midterm, termEnd] = await Promise.all([
    el.getAttribute('data-term-start'),
    el.getAttribute('data-midterm'),
    el.getAttribute('data-term-end'),
  ]);
  if (!termStart || !midterm || !termEnd) throw new Error('the demo page shows no calendar');
  return { termStart, midterm, termEnd };
}

/**
 * Fills the options page's calendar and signature, saves, and waits for "Saved."
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} optionsUrl
 * @param {{ termStart: string, midterm: string, termEnd: string }} calendar
 * @param {string} signature
 */
export async function setCalendarInOptions(context, optionsUrl, calendar, signature) {
  const options = await context.newPage();
  await options.goto(optionsUrl);
  await options.locator('input[name="termStart"]').fill(calendar.termStart);
  await options.locator('textarea[name="reportDates"]').fill(`${calendar.midterm}\n${calendar.termEnd}`);
  await options.locator('input[name="termEnd"]').fill(calendar.termEnd);
  await options.locator('input[name="signature"]').fill(signature);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByTestId('options-notice').filter({ hasText: 'Saved.' }).waitFor();
  await options.close();
}

/**
 * The id of the tab showing `urlPrefix`, from the background's own per-tab status (the extension has
 * no "tabs" permission, so it cannot list tab URLs; it knows the tabs its content script read).
 * @param {import('playwright-core').Worker} worker
 * @param {string} urlPrefix
 * @returns {Promise<number>}
 */
export async function tabIdOf(worker, urlPrefix) {
  const id = await worker.evaluate(async (prefix) => {
    const all = await chrome.storage.session.get(null);
    const found = Object.entries(all).find(([key, status]) => key.startsWith('tab:') && String(status?.url).startsWith(prefix));
    return found ? Number(found[0].slice(4)) : undefined;
  }, urlPrefix);
  if (id === undefined) throw new Error(`no tab showing ${urlPrefix} was read by the extension`);
  return id;
}

/**
 * The proposals the popup lists, as plain text rows.
 * @param {import('playwright-core').Page} popup
 */
export async function popupProposals(popup) {
  const read = async (/** @type {string} */ list) =>
    popup.getByTestId(list).getByTestId('proposal').evaluateAll((cards) =>
      cards.map((card) => ({
        student: card.querySelector('.student')?.textContent ?? '',
        section: card.querySelector('.section')?.textContent ?? '',
        reason: card.querySelector('.reason')?.textContent ?? '',
      })),
    );
  return { concerns: await read('concerns'), positives: await read('positives') };
}
