// Real-browser test of the regional report (contract §7) in headless
// Chromium, against the same `canvass demo` as the other tests. The africa
// reviewer signs in and opens the report of africa for the demo's closed
// round 2025: in French, and in the right-to-left test locale ar-XB
// (English words; the server has it when built with `--features
// test-locale`, as e2e/run.sh builds it), chosen with ?lang= like French.
// For each: the dir the server sent on <html> (ltr, rtl), every
// indicator's section with its title, the three value columns (africa,
// all regions, the previous round 2024), africa's note and sign-off; no
// serious or critical axe-core finding; in print media at A4's printable
// width nothing sticks out of the page or is clipped, and the navigation is
// hidden; page.pdf({format: 'A4'}) gives a PDF whose page count fits the
// content's height. Then: another region's report answers 403 and the open
// round's 409. The PDFs and screenshots go to target/e2e/ (report-*.pdf,
// report-*.png).
//
// Started by e2e/run.sh with CANVASS_E2E_ORIGIN, CANVASS_E2E_STDOUT,
// CANVASS_E2E_OUT and CHROMIUM_PATH (see console.test.js).
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { must, test, finish } = require('./lib');

const ROOT = path.resolve(__dirname, '..');
const ORIGIN = must('CANVASS_E2E_ORIGIN').replace(/\/$/, '');
const STDOUT = must('CANVASS_E2E_STDOUT');
const OUT = process.env.CANVASS_E2E_OUT || path.join(ROOT, 'target', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const OWN = 'africa';
const CLOSED = '2025';
const PREVIOUS = '2024';
const OPEN = '2026';
// A4 less the print stylesheet's margins (16 mm each side, 18 + 20 mm
// top and bottom), in CSS pixels (96 per inch).
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor((210 - 32) * MM);
const PRINT_HEIGHT = Math.floor((297 - 38) * MM);

/** The reviewer of africa, from the logins the demo printed. */
function reviewer() {
  for (const line of fs.readFileSync(STDOUT, 'utf8').split('\n')) {
    const m = line.match(/^\s+regional reviewer, ([a-z_]+):\s+(\S+@\S+)\s+password\s+(\S+)\s*$/);
    if (m && m[1] === OWN) return { email: m[2], password: m[3] };
  }
  throw new Error(`no login of the ${OWN} reviewer in ${STDOUT}`);
}

/** The indicators of the example survey, in order. */
function indicators() {
  const toml = fs.readFileSync(path.join(ROOT, 'surveys', 'member_survey', 'survey.toml'), 'utf8');
  return [...toml.matchAll(/\[\[indicators\]\]\s*\nid = "([a-z0-9_]+)"/g)].map((m) => m[1]);
}

async function signIn(page, who) {
  await page.goto(`${ORIGIN}/login`, { waitUntil: 'load' });
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('main button[type="submit"]').click()]);
  assert.ok(!page.url().includes('/login'), `sign-in of ${who.email} failed: ${page.url()}`);
}

/** Serious and critical axe findings on the page, as lines. */
async function axeFindings(page) {
  const report = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return report.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Elements of main that stick out of the printable width or clip text. */
async function cutContent(page) {
  return page.$$eval('main *', (els, width) => {
    const out = [];
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className}` : ''}`;
      if (r.left < -1 || r.right > width + 1) out.push(`${name} spans ${Math.round(r.left)}..${Math.round(r.right)} px of ${width}`);
      const style = getComputedStyle(el);
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
      if (clips && el.scrollWidth > el.clientWidth + 1) out.push(`${name} clips ${el.scrollWidth - el.clientWidth} px`);
    }
    return out;
  }, PRINT_WIDTH);
}

/** Pages of a PDF, counted from its page objects. */
function pdfPages(bytes) {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

async function checkReport(browser, who, lang, dir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const foreign = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(ORIGIN)) foreign.push(r.url());
  });
  try {
    await signIn(page, who);
    const response = await page.goto(`${ORIGIN}/rounds/${CLOSED}/report?region=${OWN}&lang=${lang}`, { waitUntil: 'load' });
    assert.equal(response.status(), 200, 'the report');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), dir, `<html dir> in ${lang}`);
    const ids = indicators();
    const sections = page.locator('main section.report-indicator');
    assert.equal(await sections.count(), ids.length, 'a section per indicator');
    for (const id of ids) {
      const title = (await page.locator(`#ind-${id}`).innerText()).trim();
      assert.ok(title && !title.startsWith('indicator-'), `${id} has a title: "${title}"`);
    }
    const heads = await page.$$eval('main section.report-indicator thead tr', (trs) => trs.map((tr) => tr.innerText));
    assert.ok(heads.every((h) => h.includes(PREVIOUS)), `every table names the previous round ${PREVIOUS}`);
    assert.equal(await page.locator('main .review-note').count(), 1, "africa's note");
    assert.ok((await page.locator('main .signoff').innerText()).includes(who.email), 'the sign-off names the reviewer');
    assert.equal(await page.locator('main figure svg').count(), ids.length, 'a chart per indicator');
    const axe = await axeFindings(page);
    assert.deepEqual(axe, [], 'axe findings');
    await page.screenshot({ path: path.join(OUT, `report-${lang}.png`), fullPage: true });

    await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header').isVisible(), false, 'no navigation in print');
    assert.deepEqual(await cutContent(page), [], 'content cut in print');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    fs.writeFileSync(path.join(OUT, `report-${lang}.pdf`), pdf);
    const pages = pdfPages(pdf);
    const least = Math.ceil(height / PRINT_HEIGHT);
    // Sections are kept whole, so pages end early: never fewer pages than
    // the content's height needs, and not many more.
    assert.ok(pages >= least && pages <= 2 * least + 1, `${pages} PDF pages for ${height} px of content (at least ${least})`);
    assert.deepEqual(foreign, [], 'requests to another origin');
    console.log(`     ${lang}: ${ids.length} indicators, ${pages} A4 pages`);
  } finally {
    await context.close();
  }
}

async function refusals(browser, who) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, who);
    const other = await page.goto(`${ORIGIN}/rounds/${CLOSED}/report?region=europe`);
    assert.equal(other.status(), 403, "another region's report");
    const open = await page.goto(`${ORIGIN}/rounds/${OPEN}/report?region=${OWN}`);
    assert.ok([403, 409].includes(open.status()), `the open round's report answers ${open.status()}`);
    assert.equal(await page.locator('main section.report-indicator').count(), 0);
  } finally {
    await context.close();
  }
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(OUT, { recursive: true });
  const who = reviewer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    await test(`reviewer: the ${OWN} report of ${CLOSED} in French, printed to A4`, () => checkReport(browser, who, 'fr', 'ltr'));
    await test(`reviewer: the ${OWN} report of ${CLOSED} in the test locale ar-XB, right to left, printed to A4`, () =>
      checkReport(browser, who, 'ar-XB', 'rtl'));
    await test('reviewer: no report of another region (403) or of the open round', () => refusals(browser, who));
  } finally {
    await browser.close();
  }
  finish([], started, '');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
