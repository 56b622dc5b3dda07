// Real-browser test of the respondent form (contract §5) in headless
// Chromium: open the emailed link, answer with clicks and keys, save, come
// back, go through the pages, review, submit (once with a required answer
// missing, to see the 422 error summary), in English and in French. axe-core
// runs on every distinct page and any serious or critical violation fails.
// Screenshots at 360 and 1280 px go to target/e2e/.
//
// Started by e2e/run.sh, which builds canvass, starts `canvass demo` and
// passes what it needs in the environment:
//   CANVASS_E2E_ORIGIN  http://127.0.0.1:PORT of the running demo
//   CANVASS_E2E_OUTBOX  the demo's outbox folder of .eml files
//   CANVASS_E2E_STDOUT  a file with the demo's standard output
//   CANVASS_E2E_OUT     where screenshots go (default target/e2e)
//   CHROMIUM_PATH       default /usr/bin/chromium
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { must, indent, results, test, assertNoAxeFindings, finish } = require('./lib');

const ROOT = path.resolve(__dirname, '..');
const ORIGIN = must('CANVASS_E2E_ORIGIN').replace(/\/$/, '');
const OUTBOX = must('CANVASS_E2E_OUTBOX');
const STDOUT = process.env.CANVASS_E2E_STDOUT || '';
const OUT = process.env.CANVASS_E2E_OUT || path.join(ROOT, 'target', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];
// The required question of the example survey left out once, in English,
// to see the error summary (on a later page, and no other question depends
// on it).
const SKIPPED = 'days_of_action';
let axeMillis = 0;


// ---------------------------------------------------------------- results


// Findings gathered while the flows run, checked by their own tests.
const axeFindings = []; // { page, id, impact, help, targets }
const axeRuns = new Set();
const foreignRequests = [];
const pageErrors = [];
const posts = []; // the form bodies sent, for failure reports
const notes = new Set(); // printed, not failures

// ---------------------------------------------------------------- mail

/** Quoted-printable body: soft line breaks, then =XX bytes (UTF-8). */
function decodeQuotedPrintable(s) {
  const joined = s.replace(/=\r?\n/g, '');
  // Quoted-printable is 7-bit: every =XX is one byte of the UTF-8 text.
  const bytes = joined.replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  return /[^\x00-\xff]/.test(bytes) ? bytes : Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Headers of an .eml (lower-case names, unfolded). */
function emlHeaders(raw) {
  const [head] = raw.split(/\r?\n\r?\n/, 1);
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

const linkRe = (origin) =>
  new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/r/[A-Za-z0-9_-]+(?![A-Za-z0-9_/-])`, 'g');

const primary = (tag) => String(tag || '').toLowerCase().split('-')[0];

/** Sample links the demo printed: [{tag, member, link}]. */
function printedLinks() {
  const out = [];
  if (!STDOUT || !fs.existsSync(STDOUT)) return out;
  for (const line of fs.readFileSync(STDOUT, 'utf8').split('\n')) {
    const m = line.match(/^\s+([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\s+(\S+)\s+(http\S+\/r\/[A-Za-z0-9_-]+)\s*$/);
    if (m) out.push({ tag: m[1], member: m[2], link: m[3] });
  }
  return out;
}

/**
 * Invitation links in language `lang` (any region), best first, read from
 * the outbox's mails: first the mail of the member the demo printed as not
 * having answered yet (its link must be the printed one), then the other
 * mails in that language; the printed link alone if no mail has it.
 */
function invitationLinks(lang) {
  const printed = printedLinks().find((p) => primary(p.tag) === lang);
  assert.ok(fs.existsSync(OUTBOX) || printed, `no outbox folder ${OUTBOX}`);
  const mails = (fs.existsSync(OUTBOX) ? fs.readdirSync(OUTBOX) : [])
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((file) => {
      const raw = fs.readFileSync(path.join(OUTBOX, file), 'utf8');
      return { file, raw, headers: emlHeaders(raw) };
    })
    .filter((m) => primary(m.headers['content-language']) === lang);
  const num = printed && printed.member.match(/(\d+)$/);
  const isPrinted = (m) => !!num && (m.headers.to || '').includes(`member${num[1]}@`);
  mails.sort((x, y) => isPrinted(y) - isPrinted(x));
  const out = [];
  for (const mail of mails.slice(0, 40)) {
    const text = decodeQuotedPrintable(mail.raw);
    const links = [...new Set(text.match(linkRe(ORIGIN)) || [])];
    assert.equal(links.length, 1, `${mail.file}: expected one form link, found ${links.join(' ')}`);
    if (isPrinted(mail)) assert.equal(links[0], printed.link, `${mail.file}: link differs from the one printed`);
    const stop = mail.headers['list-unsubscribe'] || '';
    assert.ok(stop.includes(`${links[0]}/stop`), `${mail.file}: List-Unsubscribe is ${stop}`);
    out.push({ link: links[0], from: `outbox/${mail.file} (Content-Language ${mail.headers['content-language']})` });
  }
  if (printed && !out.some((o) => o.link === printed.link)) out.unshift({ link: printed.link, from: 'stdout' });
  assert.ok(out.length, `no ${lang} invitation in ${OUTBOX} nor on the demo's stdout`);
  return out;
}

// ---------------------------------------------------------------- texts

/** Single-line messages of the interface's .ftl for `lang`. */
function uiTexts(lang) {
  const file = path.join(ROOT, 'locales', lang, 'respond.ftl');
  const out = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/^([a-z][a-z0-9-]*)\s*=\s*(\S.*)$/);
    if (m && !m[2].includes('{')) out[m[1]] = m[2].trim();
  }
  return out;
}

// ---------------------------------------------------------------- browser

async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'canvass-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
    ],
    viewport: VIEWPORTS[1],
    locale: 'en-GB',
    timeout: 60_000,
  });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page that records requests to other hosts and script errors. */
async function newPage(context, label) {
  const page = await context.newPage();
  page.on('request', (r) => {
    const u = r.url();
    if (!(u === ORIGIN || u.startsWith(`${ORIGIN}/`))) foreignRequests.push(`${label}: ${r.method()} ${u}`);
    if (r.method() === 'POST') posts.push(`${label}: ${decodeURIComponent((r.postData() || '').replace(/\+/g, ' '))}`);
  });
  page.on('pageerror', (e) => pageErrors.push(`${label}: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported by status below, with their URL.
    if (m.type() !== 'error') return;
    if (!m.text().startsWith('Failed to load resource')) pageErrors.push(`${label}: console: ${m.text()}`);
    else if (m.location().url.endsWith('/favicon.ico')) notes.add(`${m.location().url} answers: ${m.text()}`);
  });
  page.on('response', (r) => {
    const expected = r.status() === 422 && r.request().method() === 'POST';
    if (r.status() >= 400 && !expected) {
      pageErrors.push(`${label}: ${r.status()} for ${r.request().method()} ${r.url()}`);
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

async function gotoOk(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.equal(response.status(), 200, `GET ${url}`);
  return response;
}

/** Runs axe once per distinct page; records serious and critical findings. */
async function axe(page, name) {
  if (axeRuns.has(name)) return;
  axeRuns.add(name);
  const t0 = Date.now();
  // Legacy mode runs axe in the page itself (no helper page; these pages
  // have no frames); only violations are detailed. Half the time.
  // options() replaces every earlier option, so it comes before withTags().
  const report = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .analyze();
  axeMillis += Date.now() - t0;
  for (const v of report.violations) {
    const finding = {
      page: name,
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 8).map((n) => n.target.join(' ')).concat(v.nodes.length > 8 ? [`… ${v.nodes.length} in all`] : []),
      html: v.nodes.slice(0, 3).map((n) => n.html),
    };
    if (BLOCKING.has(v.impact)) axeFindings.push(finding);
    else console.log(`     note: axe ${v.impact} ${v.id} on ${name}: ${finding.targets.slice(0, 3).join(', ')}`);
  }
  if (report.incomplete.length) {
    const ids = report.incomplete.map((v) => v.id).join(', ');
    console.log(`     note: axe needs review on ${name}: ${ids}`);
  }
}

/** Full-page screenshots at 360 and 1280 px; the page must not scroll sideways at 360. */
async function screenshots(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await page.screenshot({ path: path.join(OUT, `${name}-${vp.width}.png`), fullPage: true });
    if (vp.width === 360) {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= vp.width, `${name}: the page is ${wide} px wide at a ${vp.width} px viewport (WCAG 1.4.10 reflow)`);
    }
  }
}

async function expectLang(page, lang) {
  assert.equal(primary(await page.locator('html').getAttribute('lang')), lang, `<html lang> on ${page.url()}`);
}

// ---------------------------------------------------------------- the form

/** The visible questions of the form and what each holds now. */
async function formState(page) {
  return page.$$eval('form .q', (qs) =>
    qs
      .filter((q) => !q.hidden && q.offsetParent !== null)
      .map((q) => ({
        id: q.id.replace(/^q-/, ''),
        required: !!q.querySelector('.req'),
        kind: q.querySelector('input[type=radio]')
          ? 'radio'
          : q.querySelector('input[type=checkbox]')
            ? 'checkbox'
            : q.querySelector('textarea')
              ? 'text'
              : 'number',
        values: [
          ...[...q.querySelectorAll('input[type=radio]:checked, input[type=checkbox]:checked')].map((i) => i.value),
          ...[...q.querySelectorAll('input.num, textarea')].map((i) => i.value).filter((v) => v !== ''),
        ],
      })),
  );
}

/**
 * Answers every visible, unanswered question of the page in order (a
 * question shown by an earlier answer is answered too), except `skip`.
 * Radio buttons and check boxes are clicked through their labels; groups
 * of five or more radio buttons (scales, long lists) are answered with the
 * keyboard (Space, then arrow keys); numbers and texts are typed. Returns
 * the ids answered.
 */
async function answerPage(page, { lang, skip }) {
  const answered = [];
  for (let i = 0; ; i++) {
    const state = await formState(page);
    const q = state.find((s) => s.values.length === 0 && s.id !== skip && !answered.includes(s.id));
    if (!q) break;
    assert.ok(i < 60, 'answering does not end');
    const box = page.locator(`#q-${q.id}`);
    if (q.kind === 'radio') {
      const radios = box.locator('input[type=radio]');
      const n = await radios.count();
      if (n >= 5) {
        // Focus the first, Space checks it, arrows move the choice.
        await radios.first().focus();
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        assert.ok(await radios.nth(3).isChecked(), `${q.id}: the arrow keys did not reach the fourth point`);
      } else {
        const pick = radios.nth(Math.min(1, n - 1));
        await box.locator(`label[for="${await pick.getAttribute('id')}"]`).click();
        assert.ok(await pick.isChecked(), `${q.id}: clicking the label did not check it`);
      }
    } else if (q.kind === 'checkbox') {
      const boxes = box.locator('input[type=checkbox]');
      const n = await boxes.count();
      for (const k of [...new Set([0, n - 1])]) {
        await box.locator(`label[for="${await boxes.nth(k).getAttribute('id')}"]`).click();
      }
      assert.ok(await boxes.first().isChecked(), `${q.id}: clicking the label did not tick it`);
    } else {
      const field = box.locator('input.num, textarea');
      await field.click();
      const text =
        q.kind === 'number'
          ? String(12 + answered.length)
          : lang === 'fr'
            ? 'Réponse d’essai : très utile, merci.'
            : 'A test answer: very useful, thanks.';
      await page.keyboard.type(text);
      assert.equal(await field.inputValue(), text, `${q.id}: typed text`);
    }
    answered.push(q.id);
  }
  return answered;
}

const button = (page, value) => page.locator(`form button[name=action][value=${value}]`);

/**
 * One member's whole visit, in the member's language. With `withError`,
 * one required question is left out until the submit answers 422; with
 * `everySection`, axe checks every section's page, not only the first.
 */
async function visit(context, lang, { withError, everySection }) {
  const t = uiTexts(lang);
  let page = await newPage(context, lang);
  // The first link whose form is untouched (a member who answered already
  // would show a notice and answers).
  let link;
  for (const candidate of invitationLinks(lang)) {
    await gotoOk(page, candidate.link);
    const fresh = !(await page.locator('.notice').count()) && (await formState(page)).every((q) => !q.values.length);
    if (fresh) {
      link = candidate.link;
      console.log(`     ${lang}: ${link} from ${candidate.from}`);
      break;
    }
    console.log(`     ${lang}: ${candidate.link} from ${candidate.from} was answered already; next`);
    await page.close();
    page = await newPage(context, lang);
  }
  assert.ok(link, `no ${lang} invitation of a member who has not answered yet`);
  const laps = [];
  let last = Date.now();
  let current = 'start';
  const lap = (next) => {
    const now = Date.now();
    laps.push(`${current}:${((now - last) / 1000).toFixed(1)}s`);
    [last, current] = [now, next];
  };

  lap('1');
  // 1. The emailed link opens the first page in the member's language.
  await expectLang(page, lang);
  assert.equal((await button(page, 'save').textContent()).trim(), t['form-save'], 'save button label');
  assert.equal((await button(page, 'next').textContent()).trim(), t['form-next'], 'next button label');
  assert.equal(await button(page, 'back').count(), 0, 'no Back button on the first page');
  const first = await formState(page);
  assert.ok(first.length > 0, 'the first page shows questions');
  await screenshots(page, `${lang}-form`);
  await page.setViewportSize(VIEWPORTS[1]);
  await axe(page, `${lang} first form page`);

  lap('2');
  // 2. Answer the first page, save and finish later.
  const answered = await answerPage(page, { lang });
  assert.ok(answered.length >= 3, `answered only ${answered.join(', ')}`);
  const before = await formState(page);
  let response = await clickAndNavigate(page, button(page, 'save'));
  assert.equal(response.status(), 200);
  assert.match(page.url(), /[?&]saved=1/, 'save lands on the saved notice');
  await expectLang(page, lang);
  const notice = page.locator('.notice[role=status]');
  await notice.waitFor();
  assert.ok((await notice.textContent()).includes(t['saved-notice']), 'saved notice text');
  await axe(page, `${lang} form page after save`);

  lap('3');
  // 3. Come back with the same link: every answer is still there.
  await page.close();
  const again = await newPage(context, lang);
  await gotoOk(again, link);
  await expectLang(again, lang);
  assert.deepEqual(await formState(again), before, 'answers after coming back with the link');
  assert.equal(await again.locator('.notice[role=status]').count(), 0, 'no saved notice on a plain visit');

  lap('4');
  // 4. Next through the pages to the review page.
  const all = Object.fromEntries(before.map((s) => [s.id, s.values]));
  const skip = withError ? SKIPPED : null;
  let pages = 1;
  for (;;) {
    await answerPage(again, { lang, skip });
    for (const s of await formState(again)) all[s.id] = s.values;
    // Page 1 was checked above; the other sections once, in one language.
    if (pages > 1 && everySection) await axe(again, `${lang} form page ${pages}`);
    const next = button(again, 'next');
    if (await next.count()) {
      response = await clickAndNavigate(again, next);
      assert.equal(response.status(), 200, `next from page ${pages}`);
      pages++;
      assert.ok(pages <= 30, 'too many pages');
      assert.match(again.url(), /[?&]page=\d+/, 'next goes to a numbered page');
      assert.ok(await button(again, 'back').count(), `Back button on page ${pages}`);
      continue;
    }
    assert.equal((await button(again, 'review').textContent()).trim(), t['form-review'], 'review button label');
    response = await clickAndNavigate(again, button(again, 'review'));
    assert.equal(response.status(), 200, 'review');
    break;
  }
  assert.ok(pages >= 2, `the form has ${pages} page(s)`);
  if (withError) {
    assert.ok(skip in all, `no question ${skip} in the form: choose another required question as SKIPPED`);
    assert.deepEqual(all[skip], [], `${skip} was left out`);
  }

  lap('5');
  // 5. The review page lists the answers.
  const review = again;
  assert.match(review.url(), /[?&]page=review/);
  await expectLang(review, lang);
  assert.equal((await review.locator('main h1').textContent()).trim(), t['summary-title'], 'review heading');
  const reviewText = await review.locator('main').innerText();
  for (const [id, values] of Object.entries(all)) {
    for (const v of values) {
      if (/^\d+$/.test(v) && v.length > 1) assert.ok(reviewText.includes(v), `review shows ${id} = ${v}`);
    }
  }
  const typed = lang === 'fr' ? 'Réponse d’essai' : 'A test answer';
  if (Object.values(all).some((v) => v.some((x) => x.startsWith(typed)))) {
    assert.ok(reviewText.includes(typed), 'review shows the typed text');
  }
  if (withError) assert.ok(reviewText.includes(t['summary-not-answered']), 'review marks the unanswered question');
  await screenshots(review, `${lang}-review`);
  await review.setViewportSize(VIEWPORTS[1]);
  await axe(review, `${lang} review page`);
  assert.equal((await button(review, 'submit').textContent()).trim(), t['form-submit'], 'submit button label');

  lap('6');
  // 6. Submit; with a required answer missing, 422 and an error summary.
  response = await clickAndNavigate(review, button(review, 'submit'));
  if (withError) {
    assert.equal(response.status(), 422, 'submit with a required answer missing');
    await expectLang(review, lang);
    const summary = review.locator('.error-summary');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('role'), 'alert');
    const hrefs = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, [`#q-${skip}`], 'the error summary links to the missing answer only');
    assert.equal(
      (await review.locator(`#e-${skip}`).textContent()).trim(),
      t['problem-required'],
      'message next to the question',
    );
    const described = await review.locator(`#q-${skip} [aria-describedby]`).first().getAttribute('aria-describedby');
    assert.ok((described || '').split(' ').includes(`e-${skip}`), 'the message describes the question');
    // Every question shown so far is on this page, with its answer kept.
    const kept = Object.fromEntries((await formState(review)).map((s) => [s.id, s.values]));
    for (const [id, values] of Object.entries(all)) {
      assert.deepEqual(kept[id], values, `${id} on the error page with its answer`);
    }
    await screenshots(review, `${lang}-error`);
    await review.setViewportSize(VIEWPORTS[1]);
    await axe(review, `${lang} error page (422)`);
    // Follow the summary link, answer, submit again.
    await summary.locator('a').first().click();
    assert.ok(review.url().endsWith(`#q-${skip}`), 'the summary link goes to the question');
    assert.deepEqual(await answerPage(review, { lang }), [skip], 'answered the missing question');
    response = await clickAndNavigate(review, button(review, 'submit'));
  }
  if (response.status() !== 200) {
    const problems = await review.locator('.error-summary li').allInnerTexts().catch(() => []);
    assert.fail(
      `a good submit answered ${response.status()}, not the confirmation page: ${problems.join(' | ')}\n` +
        `form bodies sent:\n${posts.filter((b) => b.startsWith(`${lang}:`)).join('\n')}`,
    );
  }
  assert.match(review.url(), /\/r\/[A-Za-z0-9_-]+\/done(\?|$)/, 'confirmation URL');

  lap('7');
  // 7. The confirmation page.
  await expectLang(review, lang);
  assert.equal((await review.locator('main h1').textContent()).trim(), t['done-title'], 'confirmation heading');
  assert.ok((await review.locator('main').innerText()).includes(t['done-body']), 'confirmation text');
  await screenshots(review, `${lang}-done`);
  await review.setViewportSize(VIEWPORTS[1]);
  await axe(review, `${lang} confirmation page`);

  lap('8');
  // 8. The link now says the answers were submitted.
  await gotoOk(review, link);
  assert.equal(await review.locator('.notice').count(), 1, 'submitted notice when coming back');
  await review.close();
  lap('end');
  console.log(`     ${lang} seconds per step ${laps.slice(1).join(' ')}`);
  return t;
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  fs.mkdirSync(OUT, { recursive: true });
  let browser;
  await test('Chromium starts', async () => {
    browser = await launch();
  });
  await test('invitation mails hold an English and a French link', async () => {
    for (const lang of ['en', 'fr']) invitationLinks(lang);
  });
  let en, fr;
  if (browser) {
    await test('English: open link, answer, save, come back, review, submit with a missing answer (422), fix, submit', async () => {
      en = await visit(browser.context, 'en', { withError: true, everySection: true });
    });
    await test('French: open link, answer, save, come back, review, submit', async () => {
      fr = await visit(browser.context, 'fr', { withError: false, everySection: false });
      assert.notEqual(fr['form-save'], en?.['form-save'] ?? uiTexts('en')['form-save'], 'French save label differs from English');
    });
    await browser.close();
  }
  await test('axe: no serious or critical violation (wcag2a, wcag2aa, wcag21a, wcag21aa)', async () => {
    assertNoAxeFindings(assert, axeFindings, axeRuns, 10);
  });
  await test('no request leaves the server’s origin', async () => {
    assert.deepEqual(foreignRequests, []);
  });
  await test('no script error, CSP violation or failed load', async () => {
    assert.deepEqual(pageErrors, []);
  });
  await test('screenshots at 360 and 1280 px', async () => {
    for (const lang of ['en', 'fr']) {
      for (const kind of ['form', 'review']) {
        for (const vp of VIEWPORTS) assert.ok(fs.existsSync(path.join(OUT, `${lang}-${kind}-${vp.width}.png`)));
      }
    }
    for (const vp of VIEWPORTS) assert.ok(fs.existsSync(path.join(OUT, `en-error-${vp.width}.png`)));
  });
  finish(notes, started, `axe ran on ${axeRuns.size} pages in ${(axeMillis / 1000).toFixed(1)} s; screenshots in ${path.relative(process.cwd(), OUT) || OUT}`);
}

main().catch((e) => {
  console.error(e);
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exitCode = 1;
});
