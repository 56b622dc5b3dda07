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

module.exports = { must, indent, results, test };
