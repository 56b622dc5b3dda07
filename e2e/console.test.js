// Real-browser test of the consoles (contract §7) in headless Chromium,
// against the same `canvass demo` as respond.test.js. First the regional
// reviewer of africa, while the demo round is open (contract §6): its page
// shows only africa's and ALL's response rates and says the results come at
// close; its results page says so too, with no figures; results.csv and
// results.json answer 403. Then the secretariat: sign in through the /login
// form, visit every console page (rounds, a round, results for every region
// and one region, free text, surveys and a preview, members with the region
// filter, audit log, password), switch the language to Russian and back,
// create a round for one region, send its invitations, watch them being
// delivered, close it, download its results.csv; close the demo round
// through its page (the reopen form then asks to confirm with a required
// checkbox; unconfirmed, the browser does not send it and the server
// answers 409; the round stays closed), and sign out. Then the reviewer
// again, on the closed round: sign in, see only africa and ALL, and 403 for
// another region, members, surveys, free text, the audit log and actions.
// axe-core runs on every distinct page (the 403
// page too) at 1280 px, and its scrollable-region-focusable rule again at
// 360 px, where the tables scroll; any serious or critical violation
// fails. Full-page screenshots at 360 and 1280 px (console-*.png) go to
// target/e2e/; the rounds, round and results pages must not scroll sideways
// at 360 px (other pages that do are noted).
//
// Started by e2e/run.sh, which passes what it needs in the environment:
//   CANVASS_E2E_ORIGIN  http://127.0.0.1:PORT of the running demo
//   CANVASS_E2E_STDOUT  a file with the demo's standard output (the logins)
//   CANVASS_E2E_OUT     where screenshots go (default target/e2e)
//   CHROMIUM_PATH       default /usr/bin/chromium
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { must, indent, results, test, assertNoAxeFindings, finish } = require('./lib');

const ROOT = path.resolve(__dirname, '..');
const ORIGIN = must('CANVASS_E2E_ORIGIN').replace(/\/$/, '');
const STDOUT = must('CANVASS_E2E_STDOUT');
const OUT = process.env.CANVASS_E2E_OUT || path.join(ROOT, 'target', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];
// The demo's round, survey and regions; the round this test creates.
const ROUND = '2026';
const SURVEY = 'member_survey';
const OWN = 'africa'; // the demo's regional reviewer
const NEW_ROUND = 'e2e';
const NEW_REGION = 'europe';
const KNOWN_REGIONS = ['africa', 'asia_pacific', 'europe', 'latin_america', 'north_america_caribbean'];
const CSV_HEADER = 'indicator,option,region,value,respondents,suppressed';
let axeMillis = 0;


// ---------------------------------------------------------------- results


// Findings gathered while the flows run, checked by their own tests.
const axeFindings = []; // { page, id, impact, help, targets, html }
const axeRuns = new Set();
const narrowRuns = new Set();
const foreignRequests = [];
const pageErrors = [];
const reflow = []; // pages wider than a 360 px viewport
const notes = new Set(); // printed, not failures
// Error statuses a step expects: `${method} ${url}` -> status.
const expectedStatus = new Map();

// ---------------------------------------------------------------- texts

/** Messages of locales/<lang>/console.ftl (single-line ones). */
function consoleTexts(lang) {
  const file = path.join(ROOT, 'locales', lang, 'console.ftl');
  const out = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/^([a-z][a-z0-9-]*)\s*=\s*(\S.*)$/);
    if (m) out[m[1]] = m[2].trim();
  }
  return out;
}
/** A message with its `{ $name }` placeables filled in. */
function fill(message, args = {}) {
  return message.replace(/\{\s*\$([a-z_]+)\s*\}/g, (_, k) => String(args[k]));
}
/** Text as shown, without Fluent's bidi isolation marks, spaces collapsed. */
const clean = (s) => String(s || '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
const EN = consoleTexts('en');
/** The English region names of surveys/_network/en.ftl, by id. */
const REGION_NAMES = (() => {
  const out = {};
  const file = path.join(ROOT, 'surveys', '_network', 'en.ftl');
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/^region-([a-z][a-z0-9_]*)\s*=\s*(\S.*)$/);
    if (m) out[m[1]] = m[2].trim();
  }
  return out;
})();
const RU = consoleTexts('ru');

// ---------------------------------------------------------------- logins

/** The console logins the demo printed: {secretariat, regional: {email, password, region}}. */
function logins() {
  const out = {};
  for (const line of fs.readFileSync(STDOUT, 'utf8').split('\n')) {
    const m = line.match(/^\s+(secretariat|regional reviewer, ([a-z_]+)):\s+(\S+@\S+)\s+password\s+(\S+)\s*$/);
    // One reviewer per region: this test signs in as africa's.
    if (m && (!m[2] || m[2] === OWN)) out[m[2] ? 'regional' : 'secretariat'] = { email: m[3], password: m[4], region: m[2] || null };
  }
  return out;
}

// ---------------------------------------------------------------- browser

async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'],
    timeout: 60_000,
  });
}

/** A context (its own cookie jar) and a page that records what goes wrong. */
async function newPage(browser, label) {
  const context = await browser.newContext({ viewport: VIEWPORTS[1], locale: 'en-GB', acceptDownloads: true });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  page.on('request', (r) => {
    const u = r.url();
    if (!(u === ORIGIN || u.startsWith(`${ORIGIN}/`))) foreignRequests.push(`${label}: ${r.method()} ${u}`);
  });
  page.on('pageerror', (e) => pageErrors.push(`${label}: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported by status below, with their URL; CSP
    // violations and script errors land here.
    if (m.type() !== 'error') return;
    if (!m.text().startsWith('Failed to load resource')) pageErrors.push(`${label}: console: ${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => {
    const key = `${r.request().method()} ${r.url()}`;
    if (r.status() >= 400 && expectedStatus.get(key) !== r.status()) {
      pageErrors.push(`${label}: ${r.status()} for ${key}`);
    }
  });
  return page;
}

/** Clicks and waits for the navigation it starts; the main response. */
async function clickAndNavigate(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  assert.ok(response, 'the click did not load a page');
  return response;
}

/** Opens `url` (a path) and checks the status of the page it lands on. */
async function open(page, url, status = 200) {
  const full = `${ORIGIN}${url}`;
  if (status !== 200) expectedStatus.set(`GET ${full}`, status);
  const response = await page.goto(full, { waitUntil: 'load' });
  assert.equal(response.status(), status, `GET ${url}`);
  return response;
}

/**
 * Runs axe once per distinct page at the current (1280 px) viewport, then
 * `narrow`; records serious and critical findings.
 */
async function axe(page, name) {
  if (axeRuns.has(name)) return;
  axeRuns.add(name);
  // The results' tables are in closed <details>: opened for the check (as
  // a user would), closed again after.
  const opened = await page.$$eval('main details:not([open])', (ds) =>
    ds.map((d) => {
      d.open = true;
      d.dataset.e2eOpened = '1';
    }).length,
  );
  try {
    await axeOpen(page, name);
  } finally {
    if (opened) {
      await page.$$eval('main details[data-e2e-opened]', (ds) =>
        ds.forEach((d) => {
          d.open = false;
          delete d.dataset.e2eOpened;
        }),
      );
    }
  }
}

async function axeOpen(page, name) {
  const t0 = Date.now();
  // options() replaces every option set before it: it comes first. Rows
  // after the 20th of a long table (300 members, 500 audit entries) are
  // the same markup again: left out, they would only triple the time.
  const report = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .exclude('main table tbody tr:nth-child(n+21)')
    .setLegacyMode(true)
    .analyze();
  axeMillis += Date.now() - t0;
  if (Date.now() - t0 > 3000) console.log(`     axe took ${((Date.now() - t0) / 1000).toFixed(1)} s on ${name}`);
  for (const v of report.violations) {
    const finding = {
      page: `${name} (${page.url().replace(ORIGIN, '')})`,
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes
        .slice(0, 8)
        .map((n) => n.target.join(' '))
        .concat(v.nodes.length > 8 ? [`… ${v.nodes.length} in all`] : []),
      html: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 300)),
    };
    if (BLOCKING.has(v.impact)) axeFindings.push(finding);
    else console.log(`     note: axe ${v.impact} ${v.id} on ${finding.page}: ${finding.targets.slice(0, 3).join(', ')}`);
  }
  await narrow(page, name);
}

/**
 * The page at a 360 px viewport: whether it scrolls sideways (a failure on
 * the pages in STRICT_REFLOW, a note elsewhere), and whether what scrolls
 * inside it (the tables' wrappers) can be reached with the keyboard (axe's
 * scrollable-region-focusable, which only sees regions that overflow now).
 */
const STRICT_REFLOW = /^(rounds|round|results)\b/;
async function narrow(page, name) {
  const key = `${name} at 360 px`;
  if (narrowRuns.has(key)) return;
  narrowRuns.add(key);
  const before = page.viewportSize();
  await page.setViewportSize(VIEWPORTS[0]);
  await checkReflow(page, name);
  const t0 = Date.now();
  const report = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withRules(['scrollable-region-focusable'])
    .setLegacyMode(true)
    .analyze();
  axeMillis += Date.now() - t0;
  for (const v of report.violations) {
    if (!BLOCKING.has(v.impact)) continue;
    axeFindings.push({
      page: `${key} (${page.url().replace(ORIGIN, '')})`,
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .concat(v.nodes.length > 3 ? [`… ${v.nodes.length} in all`] : []),
      html: v.nodes.slice(0, 1).map((n) => n.html.slice(0, 120)),
    });
  }
  await page.setViewportSize(before);
}

/** Whether the page scrolls sideways at a 360 px viewport; recorded, not thrown. */
async function checkReflow(page, name) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 360) {
    // The widest elements that stick out, for the report.
    const culprits = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > 361)
        .filter((el) => !el.closest('.scroll') || getComputedStyle(el).position === 'absolute')
        .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > 361))
        .slice(0, 4)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`),
    );
    const finding = `${name} (${page.url().replace(ORIGIN, '')}): ${width} px wide at 360 px; sticking out: ${culprits.join(', ')}`;
    if (STRICT_REFLOW.test(name)) reflow.push(finding);
    else notes.add(`sideways scroll: ${finding}`);
  }
}

/** Full-page screenshots at 360 and 1280 px (axe checks the reflow at 360). */
async function screenshots(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await page.screenshot({ path: path.join(OUT, `console-${name}-${vp.width}.png`), fullPage: true });
  }
}

async function expectLang(page, lang) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang, `<html lang> on ${page.url()}`);
}
const h1 = async (page) => clean(await page.locator('main h1').first().textContent());
const path_ = (page) => page.url().replace(ORIGIN, '');

/** Rows of a round's progress table: [{region, targeted, invited, delivered, …}]. */
async function progress(page) {
  return page.$$eval('main table tbody tr', (trs) =>
    trs.map((tr) => {
      const [targeted, invited, delivered, bounced, started, submitted] = [...tr.querySelectorAll('td')].map((td) =>
        Number(td.textContent.trim()),
      );
      // Rows carry the region's id; the cell shows its name.
      return { region: tr.querySelector('th').dataset.region, targeted, invited, delivered, bounced, started, submitted };
    }),
  );
}

/** The regions a results page shows: its select, tables, chart labels. */
async function resultRegions(page) {
  return page.evaluate(() => {
    const options = [...document.querySelectorAll('main select#region option')].map((o) => o.value);
    const cells = [...document.querySelectorAll('main section.indicator table tbody tr')].map((tr) => {
      // The region's cell carries its id, whatever columns come before
      // (a distribution's option) or after (breakdown, previous, change).
      return tr.querySelector('td[data-region]')?.dataset.region;
    });
    const svgText = [...document.querySelectorAll('main svg')].map((s) => s.textContent).join(' ');
    return { options, cells: [...new Set(cells)], svgText, sections: document.querySelectorAll('main section.indicator').length };
  });
}

/** Signs in through the form, coming from a console page without a session. */
async function signIn(page, who) {
  const response = await open(page, '/rounds');
  assert.ok(response.url().startsWith(`${ORIGIN}/login?next=`), `without a session /rounds leads to ${response.url()}`);
  assert.equal(await h1(page), EN['login-title']);
  await page.locator('#email').click();
  await page.keyboard.type(who.email);
  await page.locator('#password').click();
  await page.keyboard.type(who.password);
  const signedIn = await clickAndNavigate(page, page.locator('main form button[type=submit]'));
  assert.equal(signedIn.status(), 200, 'after signing in');
  assert.equal(path_(page), '/rounds', 'signing in goes back to the page asked for');
  assert.ok(clean(await page.locator('header .signout').textContent()).includes(who.email), 'the header names the user');
}

// ---------------------------------------------------------------- secretariat

let allRegions = KNOWN_REGIONS;

async function secretariat(browser, who) {
  const page = await newPage(browser, 'secretariat');

  await test('secretariat: a wrong password answers 401 with the message; sign in through the /login form', async () => {
    await open(page, '/login');
    await axe(page, 'sign-in page');
    await page.locator('#email').click();
    await page.keyboard.type(who.email);
    await page.locator('#password').click();
    await page.keyboard.type('not the password');
    expectedStatus.set(`POST ${ORIGIN}/login`, 401);
    const refused = await clickAndNavigate(page, page.locator('main form button[type=submit]'));
    assert.equal(refused.status(), 401);
    assert.equal(clean(await page.locator('.error-summary').textContent()), EN['login-failed']);
    assert.equal(await page.locator('#email').inputValue(), who.email, 'the email is kept');
    await axe(page, 'sign-in page with an error (401)');
    expectedStatus.delete(`POST ${ORIGIN}/login`);
    await signIn(page, who);
  });

  await test(`secretariat: /rounds lists round ${ROUND} and the create form`, async () => {
    await open(page, '/rounds');
    await expectLang(page, 'en');
    assert.equal(await h1(page), EN['rounds-title']);
    const names = await page.locator('main table tbody th[scope=row]').allTextContents();
    assert.ok(names.map(clean).includes(ROUND), `rounds listed: ${names.join(', ')}`);
    for (const nav of ['nav-surveys', 'nav-members', 'nav-audit']) {
      assert.equal(await page.getByRole('link', { name: EN[nav], exact: true }).count(), 1, `header link ${EN[nav]}`);
    }
    assert.deepEqual(await page.locator('#survey option').evaluateAll((os) => os.map((o) => o.value)), [SURVEY]);
    await axe(page, 'rounds page');
    await screenshots(page, 'rounds');
    await page.setViewportSize(VIEWPORTS[1]);
  });

  await test(`secretariat: /rounds/${ROUND} shows the progress of every region and ALL`, async () => {
    await clickAndNavigate(page, page.locator(`main table a[href="/rounds/${ROUND}"]`));
    assert.equal(path_(page), `/rounds/${ROUND}`);
    const rows = await progress(page);
    const regions = rows.map((r) => r.region);
    assert.equal(regions.at(-1), 'ALL', `progress rows ${regions.join(', ')}`);
    allRegions = regions.slice(0, -1);
    assert.ok(allRegions.length >= 2 && allRegions.includes(OWN), `regions ${allRegions.join(', ')}`);
    const all = rows.at(-1);
    assert.ok(all.targeted > 0 && all.submitted > 0, `ALL ${JSON.stringify(all)}`);
    assert.equal(all.targeted, rows.slice(0, -1).reduce((s, r) => s + r.targeted, 0), 'ALL is the sum of the regions');
    assert.equal(await page.locator('main progress').count(), rows.length, 'a progress bar per row');
    for (const b of ['round-invite', 'round-remind', 'round-close']) {
      assert.equal(await page.getByRole('button', { name: EN[b], exact: true }).count(), 1, `button ${EN[b]}`);
    }
    await axe(page, 'round page');
    await screenshots(page, 'round');
    await page.setViewportSize(VIEWPORTS[1]);
  });

  await test(`secretariat: /rounds/${ROUND}/results shows every region and ALL, with charts and tables`, async () => {
    await open(page, `/rounds/${ROUND}/results`);
    assert.equal(await h1(page), fill(EN['results-title'], { round: ROUND }));
    const shown = await resultRegions(page);
    assert.deepEqual(shown.options, ['', ...allRegions, 'ALL'], 'region choices');
    assert.deepEqual([...shown.cells].sort(), [...allRegions, 'ALL'].sort(), 'regions in the tables');
    assert.ok(shown.sections >= 3, `${shown.sections} indicators`);
    assert.equal(await page.locator('main section.indicator figure svg').count() >= shown.sections, true, 'a chart per indicator');
    // The downloads take the page's choices (breakdown, comparison).
    assert.equal(await page.locator(`main a[href^="/rounds/${ROUND}/results.csv"]`).count(), 1, 'CSV link');
    await axe(page, 'results page, every region');
    await screenshots(page, 'results-all');
    await page.setViewportSize(VIEWPORTS[1]);
  });

  await test(`secretariat: choosing ${OWN} in the region form shows /rounds/${ROUND}/results?region=${OWN}`, async () => {
    await page.locator('main select#region').selectOption(OWN);
    await clickAndNavigate(page, page.locator('main form.inline button[type=submit]'));
    const url = new URL(page.url());
    assert.equal(url.pathname, `/rounds/${ROUND}/results`);
    assert.equal(url.searchParams.get('region'), OWN, 'the region in the address');
    const shown = await resultRegions(page);
    assert.deepEqual(shown.cells.sort(), [OWN, 'ALL'].sort(), 'regions in the tables');
    assert.equal(await page.locator('main select#region').inputValue(), OWN, 'the choice is kept');
    const csvHref = await page.locator(`main a[href^="/rounds/${ROUND}/results.csv?"]`).getAttribute('href');
    assert.equal(new URL(csvHref, ORIGIN).searchParams.get('region'), OWN, 'CSV link narrowed');
    await axe(page, 'results page, one region');
  });

  await test(`secretariat: /rounds/${ROUND}/texts lists the free-text answers per question`, async () => {
    await clickAndNavigate(page, page.getByRole('link', { name: EN['free-text-link'], exact: true }));
    assert.equal(path_(page), `/rounds/${ROUND}/texts`);
    assert.ok((await h1(page)).startsWith(EN['free-text-title']));
    assert.ok((await page.locator('main h2').count()) >= 1, 'a heading per text question');
    await axe(page, 'free-text page');
  });

  await test(`secretariat: /surveys lists ${SURVEY} with its check and languages; the French preview`, async () => {
    await open(page, '/surveys');
    assert.equal(await h1(page), EN['surveys-title']);
    const section = page.locator(`main section[aria-labelledby="sv-${SURVEY}"]`);
    assert.equal(clean(await section.locator('h2').textContent()), SURVEY);
    const langs = (await section.locator('tbody td:first-child').allTextContents()).map(clean);
    assert.ok(langs.includes('en') && langs.includes('fr'), `languages ${langs.join(', ')}`);
    await axe(page, 'surveys page');
    await clickAndNavigate(page, section.locator(`a[href="/surveys/${SURVEY}/preview?lang=fr"]`));
    assert.equal(path_(page), `/surveys/${SURVEY}/preview?lang=fr`);
    await expectLang(page, 'fr');
    assert.ok((await page.locator('form .q').count()) >= 1, 'the preview shows questions');
    await axe(page, 'survey preview (fr)');
  });

  await test(`secretariat: /members lists members; the region filter shows /members?region=${NEW_REGION}`, async () => {
    await open(page, '/members');
    assert.equal(await h1(page), EN['members-title']);
    const count = await page.locator('main table tbody tr').count();
    assert.ok(count >= 100, `${count} members`);
    await axe(page, 'members page');
    await page.locator('main select#region').selectOption(NEW_REGION);
    await clickAndNavigate(page, page.locator('main form.inline button[type=submit]'));
    assert.equal(path_(page), `/members?region=${NEW_REGION}`);
    const regions = await page.locator('main table tbody td:nth-child(4)').evaluateAll((tds) => tds.map((td) => td.dataset.region));
    assert.ok(regions.length > 0 && regions.length < count, `${regions.length} of ${count} members`);
    assert.deepEqual([...new Set(regions)], [NEW_REGION], 'only that region');
    await axe(page, 'members page, one region');
  });

  await test('secretariat: /audit lists the sign-in and the results views', async () => {
    await open(page, '/audit');
    assert.equal(await h1(page), EN['audit-title']);
    const text = await page.locator('main table').innerText();
    assert.ok(text.includes(who.email) && /\blogin\b/.test(text), 'the sign-in is in the audit log');
    assert.ok(text.includes('results.view'), 'the results views are in the audit log');
    await axe(page, 'audit page');
  });

  await test('secretariat: /account/password; a wrong current password answers 422 with the message', async () => {
    await open(page, '/account/password');
    assert.equal(await h1(page), EN['password-title']);
    await axe(page, 'password page');
    await page.locator('#current').fill('not the password');
    await page.locator('#new').fill('a long enough new passphrase');
    expectedStatus.set(`POST ${ORIGIN}/account/password`, 422);
    const refused = await clickAndNavigate(page, page.locator('main form button[type=submit]'));
    assert.equal(refused.status(), 422);
    assert.equal(clean(await page.locator('.error-summary').textContent()), EN['password-wrong']);
    await axe(page, 'password page with an error (422)');
  });

  await test(`secretariat: the language switch on /rounds/${ROUND}/results gives Russian (html lang, heading), and back`, async () => {
    await open(page, `/rounds/${ROUND}/results`);
    const switchTo = (lang) => page.locator(`header nav a[hreflang="${lang}"]`);
    await clickAndNavigate(page, switchTo('ru'));
    assert.equal(path_(page), `/rounds/${ROUND}/results?lang=ru`);
    await expectLang(page, 'ru');
    assert.equal(await h1(page), fill(RU['results-title'], { round: ROUND }), 'Russian heading');
    assert.equal(clean(await page.locator('header nav [aria-current]').textContent()), RU['lang-name'] || 'Русский');
    await axe(page, 'results page in Russian');
    // The choice is remembered in the session.
    await open(page, '/rounds');
    await expectLang(page, 'ru');
    assert.equal(await h1(page), RU['rounds-title']);
    await clickAndNavigate(page, switchTo('en'));
    await expectLang(page, 'en');
    assert.equal(await h1(page), EN['rounds-title']);
  });

  await test(`secretariat: create round ${NEW_ROUND} for ${NEW_REGION}, send invitations, see them delivered, close it, download results.csv`, async () => {
    await open(page, '/rounds');
    await page.locator('#name').click();
    await page.keyboard.type(NEW_ROUND);
    await page.locator('#survey').selectOption(SURVEY);
    await page.locator(`label[for="region-${NEW_REGION}"]`).click();
    assert.ok(await page.locator(`#region-${NEW_REGION}`).isChecked());
    let response = await clickAndNavigate(page, page.getByRole('button', { name: EN['round-create'], exact: true }));
    assert.equal(response.status(), 200, 'create');
    assert.equal(path_(page), `/rounds/${NEW_ROUND}`, 'creating leads to the round');
    // Open it from the list.
    await open(page, '/rounds');
    await clickAndNavigate(page, page.locator(`main table a[href="/rounds/${NEW_ROUND}"]`));
    let rows = await progress(page);
    assert.deepEqual(rows.map((r) => r.region), [NEW_REGION, 'ALL'], 'only the chosen region');
    const targeted = rows[0].targeted;
    assert.ok(targeted > 0 && rows[0].invited === 0, JSON.stringify(rows[0]));

    // Send invitations: invited counts at once.
    response = await clickAndNavigate(page, page.getByRole('button', { name: EN['round-invite'], exact: true }));
    assert.equal(response.status(), 200);
    const sent = Number(new URL(page.url()).searchParams.get('count'));
    assert.equal(path_(page), `/rounds/${NEW_ROUND}?done=invite&count=${sent}`);
    assert.ok(sent > 0 && sent <= targeted, `${sent} invitations queued for ${targeted} targeted`);
    assert.equal(clean(await page.locator('.notice[role=status]').textContent()), fill(EN['round-invited'], { count: sent }));
    rows = await progress(page);
    assert.equal(rows[0].invited, sent, `invited ${JSON.stringify(rows[0])}`);
    assert.equal(rows[1].invited, sent, `ALL invited ${JSON.stringify(rows[1])}`);
    const refreshing = (await page.locator('meta[http-equiv="refresh"]').count()) > 0;
    if (refreshing) {
      // The page may reload itself (after 10 s) while axe runs.
      await axe(page, 'round page while mail is waiting (refreshes itself)').catch((e) => {
        if (!/context was destroyed|navigat/i.test(String(e))) throw e;
        notes.add(`axe on the refreshing round page was cut short by the refresh: ${String(e).split('\n')[0]}`);
      });
      await page.setViewportSize(VIEWPORTS[1]);
    } else {
      notes.add('the round page was not refreshing itself right after the invitations (mail already sent?)');
    }

    // Delivered counts: the page refreshes itself every 10 s while mail waits.
    const t0 = Date.now();
    let loads = 0;
    const onLoad = () => loads++;
    page.on('load', onLoad);
    let reloaded = false;
    for (;;) {
      rows = await progress(page).catch(() => []); // between loads
      if (rows[0] && rows[0].delivered === sent) break;
      const waited = Date.now() - t0;
      assert.ok(waited < 25_000, `not all delivered after ${waited} ms: ${JSON.stringify(rows)}`);
      if (waited > 12_000 && !loads && !reloaded) {
        notes.add('the round page did not refresh itself within 12 s; reloaded');
        reloaded = true;
        await page.reload({ waitUntil: 'load' });
      }
      await page.waitForTimeout(500);
    }
    page.off('load', onLoad);
    console.log(`     ${sent} invitations delivered after ${((Date.now() - t0) / 1000).toFixed(1)} s (${loads} self-refresh(es))`);
    assert.equal(rows[1].delivered, sent, 'ALL delivered');
    assert.equal(rows[0].bounced, 0, 'nothing bounced');
    await page.waitForLoadState('load');
    await axe(page, 'round page after the invitations');

    // Close.
    response = await clickAndNavigate(page, page.getByRole('button', { name: EN['round-close'], exact: true }));
    assert.equal(response.status(), 200);
    assert.equal(path_(page), `/rounds/${NEW_ROUND}?done=close&count=0`);
    assert.equal(clean(await page.locator('.notice[role=status]').textContent()), EN['round-closed-done']);
    assert.equal(await page.getByRole('button', { name: EN['round-invite'], exact: true }).count(), 0, 'no invitations once closed');
    assert.equal(await page.getByRole('button', { name: EN['round-open'], exact: true }).count(), 1, 'reopen button');
    assert.ok(clean(await page.locator('main p').first().textContent()).includes(EN['state-closed']), 'state closed');
    await axe(page, 'closed round page');

    // Results and the CSV download through the link.
    await clickAndNavigate(page, page.locator(`main a[href="/rounds/${NEW_ROUND}/results"]`));
    assert.equal(await page.locator('main').getByText(EN['results-open-note']).count(), 0, 'no "open" note once closed');
    // Round 2026 has the same indicators: trend charts across the rounds.
    const trends = await page.locator('main section.indicator h3').count();
    assert.ok(trends >= 1, 'trend charts across rounds');
    assert.equal(await page.locator('main section.indicator figure svg').count(), (await page.locator('main section.indicator').count()) + trends, 'a bar chart per indicator and the trends');
    await axe(page, 'results page of a closed round without answers');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: EN['results-download-csv'], exact: true }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `results-${NEW_ROUND}.csv`);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.split(/\r?\n/).filter(Boolean);
    // The results page compares with the previous round by default, and
    // its download takes that choice: the contract's columns, then
    // `previous,change` (§8).
    assert.ok([CSV_HEADER, `${CSV_HEADER},previous,change`].includes(lines[0]), `CSV header ${lines[0]}`);
    const regions = new Set(lines.slice(1).map((l) => l.split(',')[2]));
    assert.ok([...regions].every((r) => r === NEW_REGION || r === 'ALL'), `CSV regions ${[...regions].join(', ')}`);
    console.log(`     results-${NEW_ROUND}.csv: ${lines.length - 1} rows, regions ${[...regions].join(', ') || 'none'}`);
  });

  await test(`secretariat: close round ${ROUND} with its Close button; the reopen form asks to confirm, and the round stays closed`, async () => {
    await open(page, `/rounds/${ROUND}`);
    const response = await clickAndNavigate(page, page.getByRole('button', { name: EN['round-close'], exact: true }));
    assert.equal(response.status(), 200);
    assert.equal(path_(page), `/rounds/${ROUND}?done=close&count=0`);
    assert.equal(clean(await page.locator('.notice[role=status]').textContent()), EN['round-closed-done']);
    assert.ok(clean(await page.locator('main p').first().textContent()).includes(EN['state-closed']), 'state closed');
    assert.equal(await page.getByRole('button', { name: EN['round-close'], exact: true }).count(), 0, 'no close button once closed');
    assert.equal(await page.locator(`main a[href="/rounds/${ROUND}/results"]`).count(), 1, 'results link');

    // The reopen form warns and asks to confirm with a required checkbox.
    const form = page.locator(`main form[action="/rounds/${ROUND}/open"]`);
    assert.equal(await form.count(), 1, 'reopen form');
    assert.equal(clean(await form.locator('.warning').textContent()), clean(EN['round-reopen-warning']), 'reopen warning');
    const box = form.getByLabel(EN['round-reopen-confirm'], { exact: true });
    assert.equal(await box.count(), 1, 'a labelled confirmation checkbox');
    assert.equal(await box.getAttribute('type'), 'checkbox');
    assert.equal(await box.getAttribute('name'), 'confirm');
    assert.equal(await box.getAttribute('value'), 'reopen');
    assert.notEqual(await box.getAttribute('required'), null, 'the checkbox is required');
    assert.equal(await box.isChecked(), false, 'not checked to begin with');
    await axe(page, `closed round page ${ROUND} with the reopen confirmation`);

    // Reopen without checking it: the browser does not send the form.
    const reopenPosts = [];
    const onRequest = (r) => {
      if (r.method() === 'POST' && r.url().startsWith(`${ORIGIN}/rounds/${ROUND}/open`)) reopenPosts.push(r.url());
    };
    page.on('request', onRequest);
    await form.getByRole('button', { name: EN['round-open'], exact: true }).click();
    await page.waitForTimeout(1000);
    page.off('request', onRequest);
    assert.deepEqual(reopenPosts, [], 'the form was sent without the confirmation');
    assert.equal(await box.evaluate((b) => b.validity.valueMissing), true, 'the browser reports the missing confirmation');
    assert.equal(path_(page), `/rounds/${ROUND}?done=close&count=0`, 'still on the closed round page');

    // Sent anyway without the confirmation, the server refuses (409).
    const csrf = await form.locator('input[name=csrf]').inputValue();
    expectedStatus.set(`POST ${ORIGIN}/rounds/${ROUND}/open`, 409);
    const refused = await page.request.post(`${ORIGIN}/rounds/${ROUND}/open`, { form: { csrf }, maxRedirects: 0 });
    assert.equal(refused.status(), 409, 'reopen without the confirmation');

    // Not reopened: the reviewers' part below runs on the closed round.
    await open(page, `/rounds/${ROUND}`);
    assert.ok(clean(await page.locator('main p').first().textContent()).includes(EN['state-closed']), 'still closed');
    assert.equal(await page.getByRole('button', { name: EN['round-open'], exact: true }).count(), 1, 'reopen button still offered');
    assert.equal(await page.getByRole('button', { name: EN['round-invite'], exact: true }).count(), 0, 'no invitations once closed');
  });

  await test('secretariat: sign out; the consoles ask to sign in again', async () => {
    await open(page, '/rounds');
    await clickAndNavigate(page, page.getByRole('button', { name: EN['nav-logout'], exact: true }));
    assert.equal(path_(page), '/login?done=logout');
    assert.equal(clean(await page.locator('.notice[role=status]').textContent()), EN['signed-out']);
    await axe(page, 'sign-in page after signing out');
    const response = await open(page, `/rounds/${ROUND}/results`);
    assert.ok(response.url().startsWith(`${ORIGIN}/login?next=`), `after signing out: ${response.url()}`);
    expectedStatus.set(`GET ${ORIGIN}/rounds/${ROUND}/results.csv`, 401);
    const csv = await page.request.get(`${ORIGIN}/rounds/${ROUND}/results.csv`, { maxRedirects: 0 });
    assert.equal(csv.status(), 401, 'download without a session');
  });
  await page.context().close();
}

// ---------------------------------------------------------------- regional reviewer

/**
 * The reviewer while round ROUND is open (before the secretariat closes
 * it): response rates only; the results page says the results come at
 * close, and the downloads answer 403.
 */
async function regionalWhileOpen(browser, who) {
  const page = await newPage(browser, `reviewer ${who.region}, round open`);

  await test(`reviewer (${who.region}), round ${ROUND} open: sign in; /rounds/${ROUND} shows only ${who.region} and ALL rates, no results link`, async () => {
    await signIn(page, who);
    await clickAndNavigate(page, page.locator(`main table a[href="/rounds/${ROUND}"]`));
    assert.equal(path_(page), `/rounds/${ROUND}`);
    assert.ok(clean(await page.locator('main p').first().textContent()).includes(EN['state-open']), 'state open');
    const rows = await progress(page);
    assert.deepEqual(rows.map((r) => r.region), [who.region, 'ALL'], 'progress rows');
    assert.equal(await page.locator('main progress').count(), 2, 'a response rate per row');
    assert.ok(rows[1].targeted >= rows[0].targeted && rows[1].submitted > 0, `ALL ${JSON.stringify(rows[1])}`);
    assert.equal(await page.locator(`main a[href^="/rounds/${ROUND}/results"]`).count(), 0, 'no results link');
    assert.equal(await page.locator('main').getByText(EN['round-results-after-close'], { exact: true }).count(), 1, 'the results come at close');
    assert.equal(await page.locator('main form[method=post]').count(), 0, 'no action buttons');
    await axe(page, 'round page of an open round (reviewer)');
    await screenshots(page, `round-${who.region}-open`);
    await page.setViewportSize(VIEWPORTS[1]);
  });

  await test(`reviewer (${who.region}), round ${ROUND} open: /rounds/${ROUND}/results says the results come at close, with no figures`, async () => {
    await open(page, `/rounds/${ROUND}/results`);
    assert.equal(path_(page), `/rounds/${ROUND}/results`);
    assert.equal(await h1(page), EN['round-results']);
    assert.equal(await page.locator('main').getByText(EN['round-results-after-close'], { exact: true }).count(), 1, 'the message');
    for (const sel of ['table', 'svg', 'section.indicator', 'select', 'a[href*="/results."]']) {
      assert.equal(await page.locator(`main ${sel}`).count(), 0, `no ${sel}`);
    }
    const main = clean(await page.locator('main').textContent());
    assert.ok(!/\d/.test(main), `no figures: ${main}`);
    await axe(page, 'results page of an open round (reviewer)');
  });

  await test(`reviewer (${who.region}), round ${ROUND} open: results.csv and results.json answer 403`, async () => {
    for (const url of [`/rounds/${ROUND}/results.csv`, `/rounds/${ROUND}/results.json`]) {
      expectedStatus.set(`GET ${ORIGIN}${url}`, 403);
      const r = await page.request.get(`${ORIGIN}${url}`, { maxRedirects: 0 });
      assert.equal(r.status(), 403, url);
      assert.ok(!(await r.text()).includes(CSV_HEADER), `${url} gives no results`);
    }
  });
  await page.context().close();
}

/** The reviewer once the secretariat has closed round ROUND. */
async function regional(browser, who) {
  const page = await newPage(browser, `reviewer ${who.region}`);
  const others = allRegions.filter((r) => r !== who.region);

  await test(`reviewer (${who.region}): sign in; /rounds without the secretariat's links and form`, async () => {
    await signIn(page, who);
    assert.equal(await h1(page), EN['rounds-title']);
    const names = (await page.locator('main table tbody th[scope=row]').allTextContents()).map(clean);
    assert.ok(names.includes(ROUND), `rounds listed: ${names.join(', ')}`);
    for (const nav of ['nav-surveys', 'nav-members', 'nav-audit']) {
      assert.equal(await page.getByRole('link', { name: EN[nav], exact: true }).count(), 0, `no header link ${EN[nav]}`);
    }
    assert.equal(await page.locator('form[action="/rounds"]').count(), 0, 'no create form');
    await axe(page, 'rounds page (reviewer)');
  });

  await test(`reviewer (${who.region}): /rounds/${ROUND} shows only ${who.region} and ALL, no actions`, async () => {
    await clickAndNavigate(page, page.locator(`main table a[href="/rounds/${ROUND}"]`));
    const rows = await progress(page);
    assert.deepEqual(rows.map((r) => r.region), [who.region, 'ALL']);
    // Of the round's forms, a reviewer has only the sign-off of their region's results.
    assert.equal(await page.locator('main form[method=post]:not([action$="/signoff"])').count(), 0, 'no action buttons');
    assert.equal(await page.locator(`main form[action="/rounds/${ROUND}/signoff"] input[name="region"][value="${who.region}"]`).count(), 1, 'the sign-off form once closed');
    assert.equal(await page.locator(`main a[href="/rounds/${ROUND}/results"]`).count(), 1, 'results link once closed');
    assert.equal(await page.locator('main').getByText(EN['round-results-after-close'], { exact: true }).count(), 0, 'no "after close" text once closed');
    await axe(page, 'round page (reviewer)');
  });

  await test(`reviewer (${who.region}): /rounds/${ROUND}/results lists only ${who.region} and ALL`, async () => {
    await clickAndNavigate(page, page.locator(`main a[href="/rounds/${ROUND}/results"]`));
    assert.equal(path_(page), `/rounds/${ROUND}/results`);
    const shown = await resultRegions(page);
    assert.deepEqual(shown.options, [who.region, 'ALL'], 'region choices');
    assert.deepEqual(shown.cells.sort(), [who.region, 'ALL'].sort(), 'regions in the tables');
    const main = await page.locator('main').evaluate((m) => m.textContent);
    for (const r of others) assert.ok(!main.includes(r) && !main.includes(REGION_NAMES[r] || r), `${r} appears on the page`);
    assert.equal(await page.getByRole('link', { name: EN['free-text-link'], exact: true }).count(), 0, 'no free-text link');
    await axe(page, 'results page (reviewer)');
    await screenshots(page, `results-${who.region}`);
    await page.setViewportSize(VIEWPORTS[1]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: EN['results-download-csv'], exact: true }).click(),
    ]);
    const lines = fs.readFileSync(await download.path(), 'utf8').split(/\r?\n/).filter(Boolean);
    // Compared with the previous round by default, as the page is.
    assert.equal(lines[0], `${CSV_HEADER},previous,change`);
    const regions = [...new Set(lines.slice(1).map((l) => l.split(',')[2]))].sort();
    assert.deepEqual(regions, [who.region, 'ALL'].sort(), 'CSV regions');
    // Suppressed cells (ALL too, where it would give other regions away) carry no value and no count.
    for (const l of lines.slice(1)) {
      const [, , , value, respondents, suppressed, previous, change] = l.split(',');
      if (suppressed === 'true') assert.equal(`${value}${respondents}${previous}${change}`, '', `suppressed row with figures: ${l}`);
    }
    await open(page, `/rounds/${ROUND}/results?region=ALL`);
  });

  await test(`reviewer (${who.region}): another region, members, surveys, free text, audit log and actions answer 403`, async () => {
    const other = others.includes('europe') ? 'europe' : others[0];
    await open(page, `/rounds/${ROUND}/results?region=${other}`, 403);
    await expectLang(page, 'en');
    assert.equal(await h1(page), EN['forbidden-title']);
    const shownText = await page.locator('main').textContent();
    assert.ok(!shownText.includes(other) && !shownText.includes(REGION_NAMES[other] || other), 'the 403 page shows nothing of that region');
    await axe(page, '403 page (reviewer)');
    for (const url of ['/members', '/surveys', `/surveys/${SURVEY}/preview?lang=fr`, `/rounds/${ROUND}/texts`, '/audit']) {
      await open(page, url, 403);
      assert.equal(await h1(page), EN['forbidden-title'], url);
    }
    for (const url of [`/rounds/${ROUND}/results.csv?region=${other}`, `/rounds/${ROUND}/results.json?region=${other}`]) {
      expectedStatus.set(`GET ${ORIGIN}${url}`, 403);
      const r = await page.request.get(`${ORIGIN}${url}`, { maxRedirects: 0 });
      assert.equal(r.status(), 403, url);
    }
    // An action, with the reviewer's own CSRF token from the page's sign-out form.
    await open(page, `/rounds/${ROUND}`);
    const csrf = await page.locator('header form.signout input[name=csrf]').inputValue();
    expectedStatus.set(`POST ${ORIGIN}/rounds/${ROUND}/close`, 403);
    const r = await page.request.post(`${ORIGIN}/rounds/${ROUND}/close`, { form: { csrf }, maxRedirects: 0 });
    assert.equal(r.status(), 403, 'close as a reviewer');
  });
  await page.context().close();
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  fs.mkdirSync(OUT, { recursive: true });
  let browser;
  let who = {};
  await test('Chromium starts', async () => {
    browser = await launch();
  });
  await test('the demo printed a secretariat and a regional reviewer login', async () => {
    who = logins();
    assert.ok(who.secretariat, `no secretariat login in ${STDOUT}`);
    assert.ok(who.regional && who.regional.region, `no regional reviewer login in ${STDOUT}`);
    assert.equal(who.regional.region, OWN, 'the demo reviewer’s region');
  });
  if (browser) {
    // The reviewer sees round ROUND open, the secretariat closes it, the
    // reviewer sees its results.
    if (who.regional) await regionalWhileOpen(browser, who.regional);
    if (who.secretariat) await secretariat(browser, who.secretariat);
    if (who.regional) await regional(browser, who.regional);
    await browser.close();
  }
  await test('axe: no serious or critical violation (wcag2a, wcag2aa, wcag21a, wcag21aa)', async () => {
    assertNoAxeFindings(assert, axeFindings, axeRuns, 20);
  });
  await test('no request leaves the server’s origin', async () => {
    assert.deepEqual(foreignRequests, []);
  });
  await test('no script error, CSP violation or unexpected error status', async () => {
    assert.deepEqual(pageErrors, []);
  });
  await test('no page scrolls sideways at 360 px (rounds, round, results)', async () => {
    assert.deepEqual(reflow, []);
  });
  await test('screenshots at 360 and 1280 px', async () => {
    for (const name of ['rounds', 'round', 'results-all', `round-${OWN}-open`, `results-${OWN}`]) {
      for (const vp of VIEWPORTS) assert.ok(fs.existsSync(path.join(OUT, `console-${name}-${vp.width}.png`)), `console-${name}-${vp.width}.png`);
    }
  });
  finish(notes, started, `axe ran on ${axeRuns.size} pages (and at 360 px on ${narrowRuns.size}) in ${(axeMillis / 1000).toFixed(1)} s; screenshots in ${path.relative(process.cwd(), OUT) || OUT}`);
}

main().catch((e) => {
  console.error(e);
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exitCode = 1;
});
