'use strict';
// What both browser tests share: required settings, the tiny test runner
// and its tally.

function must(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (start this test with e2e/run.sh)`);
  return v;
}

const indent = (s) => String(s).replace(/^/gm, '     ');

const results = [];
async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name} (${Date.now() - started} ms)`);
    console.log(indent(e && e.stack ? e.stack : String(e)));
  }
}

/// Fails when axe found anything, naming page, rule and elements.
function assertNoAxeFindings(assert, findings, runs, atLeast) {
  if (findings.length) {
    const lines = findings.map(
      (f) => `${f.page}: ${f.impact} ${f.id} (${f.help}) at ${f.targets.join(' | ')}\n  ${f.html.join('\n  ')}`,
    );
    assert.fail(`${findings.length} violation(s):\n${lines.join('\n')}`);
  }
  assert.ok(runs.size >= atLeast, `axe ran on only ${runs.size} pages: ${[...runs].join(', ')}`);
}

/// Prints the notes and the closing tally line, and sets the exit code.
function finish(notes, started, axeLine) {
  for (const n of notes) console.log(`note: ${n}`);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(axeLine);
  console.log(`time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

module.exports = { must, indent, results, test, assertNoAxeFindings, finish };
