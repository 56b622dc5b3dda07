const { chromium } = require('playwright-core');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const c = await b.newContext(); const p = await c.newPage();
  p.on('console', m => console.log('console', m.type(), m.text(), JSON.stringify(m.location())));
  c.on('request', r => console.log('ctx request', r.url()));
  await p.goto(process.argv[2]);
  await p.waitForTimeout(1000);
  await b.close();
})();
