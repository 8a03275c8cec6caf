// The explore page's own cross-validation, end to end against a running MUWCLASS-VO (BASE_URL) in headless
// Chromium: the page submits an /evaluate UWS job with small settings, follows it to COMPLETED and draws its metrics,
// recall confusion matrices and CT sweep beside the paper's; every number shown is checked against the job's
// VOTables, read here with the tests' own reader (not the page's). A login the service refuses is a clear message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, pixelStats, saveElementScreenshot } from '../lib/browser.mjs';
import { readVOTable } from '../lib/votable.mjs';

const BASE = process.env.BASE_URL;
const skip = BASE ? false : 'BASE_URL is not set: run scripts/acceptance/web.sh, which starts the service';
// small enough to finish in seconds on an idle laptop (a minute or two on a loaded 2-core machine)
// (2 draws: CT needs a spread of the probabilities, so the CT >= 2 subset is not empty)
const SETTINGS = { folds: '3', draws: '2', trees: '10', seed: '7', ct: '2' };
const CLASSES = ['AGN', 'CV', 'HM-STAR', 'HMXB', 'LM-STAR', 'LMXB', 'NS', 'YSO'];

let browser;
let page;
const pageErrors = [];

before(async () => {
  if (skip) return;
  browser = await launch();
  page = await browser.context.newPage();
  page.on('pageerror', e => pageErrors.push(`${page.url()}: ${e.message}`));
});

after(async () => {
  if (browser) await browser.close();
});

const url = p => new URL(p, BASE).href;
const pct = (v, digits = 1) => (Number.isFinite(v) ? (100 * v).toFixed(digits) : '–');

async function cells(selector) {
  return page.$$eval(selector, trs => trs.map(tr => Array.from(tr.children).map(c => c.textContent.trim())));
}

/** What the page shows, checked cell by cell against the job's result tables. */
async function assertShowsJob(jobUrl) {
  const read = async name => {
    const res = await fetch(`${jobUrl}/results/${name}`);
    assert.equal(res.status, 200, `result ${name}`);
    return readVOTable(await res.text());
  };
  const metrics = await read('metrics');
  const recall = await read('confusion_recall');
  const sweep = await read('ct_sweep');

  // the settings and the seed, as the job recorded them
  assert.equal(metrics.infos.seed, SETTINGS.seed);
  assert.equal(metrics.infos.folds, SETTINGS.folds);
  assert.equal(metrics.infos.mc_draws, SETTINGS.draws);
  for (const k of ['seed', 'folds', 'mc_draws', 'algorithm', 'xray_noise', 'ct_threshold', 'training_set_size']) {
    assert.equal(await page.textContent(`#eval-set-${k}`), metrics.infos[k], `setting ${k} shown`);
  }
  assert.equal(await page.textContent('#eval-set-algorithm'), `fastrf (${SETTINGS.trees} trees)`);
  assert.equal(await page.textContent('#eval-set-job_id'), jobUrl.split('/').pop());

  // metrics: the service's overall rows exactly as the VOTable has them, the paper's published values beside them
  const rows = await cells('#eval-metrics-table tbody tr');
  assert.equal(rows.length, 4);
  const overall = metrics.rows.filter(r => r.class === 'overall');
  assert.deepEqual(overall.map(r => r.subset), ['all', `CT>=${SETTINGS.ct}`]);
  overall.forEach((r, i) => {
    assert.deepEqual(rows[2 * i].slice(1), ['this service', String(r.n_true), pct(r.accuracy),
      pct(r.balanced_accuracy), pct(r.f1), pct(r.mcc), pct(r.completeness), pct(r.balanced_completeness)],
    `service metrics, ${r.subset}`);
  });
  assert.equal(overall[0].n_true, 2941);
  assert.deepEqual(rows[1].slice(1), ['paper (leave-one-out)', '2941', '88.6', '70.2', '68.1', '82.9', '100.0', '100.0']);
  assert.deepEqual(rows[3].slice(1), ['paper (leave-one-out)', '2383', '97.0', '79.0', '79.5', '95.0', '81.0', '56.9']);

  // recall confusion matrices: every cell of both subsets
  for (const [id, subset] of [['eval-cm-all', 'all'], ['eval-cm-ct', `CT>=${SETTINGS.ct}`]]) {
    const titles = await page.$$eval(`#${id} svg rect > title`, ts => ts.map(t => t.textContent));
    const expected = CLASSES.flatMap(t => {
      const row = recall.rows.find(r => r.subset === subset && r.true_class === t);
      return CLASSES.map(p => `true class ${t}, predicted class ${p}: ${pct(row[p], 0)}`);
    });
    assert.deepEqual(titles, expected, `recall matrix ${subset}`);
  }
  const diagonal = CLASSES.map(c => recall.rows.find(r => r.subset === 'all' && r.true_class === c)[c]);
  assert.ok(diagonal[0] > 0.5, `AGN recall of a real cross-validation: ${diagonal[0]}`);
  assert.ok(overall[1].n_true > 1000 && overall[1].n_true < 2941, `sources at CT >= 2: ${overall[1].n_true}`);

  // the CT sweep: every whole CT value, service rows from the VOTable, paper rows beside them
  const sweepRows = await cells('#eval-sweep-table tbody tr[data-from="service"]');
  const whole = sweep.rows.filter(r => Number.isInteger(r.ct_threshold));
  assert.equal(whole.length, 11, 'CT 0..10 in steps of 0.25: 11 whole values');
  assert.deepEqual(sweepRows, whole.map(r => [String(r.ct_threshold), 'this service', String(r.kept),
    pct(r.completeness), pct(r.balanced_completeness), pct(r.accuracy), pct(r.balanced_accuracy), pct(r.macro_f1),
    pct(r.mcc)]));
  const paperAt2 = (await cells('#eval-sweep-table tbody tr[data-from="paper"][data-ct="2"]'))[0];
  assert.deepEqual(paperAt2, ['2', 'paper', '2383', '81.0', '56.9', '97.0', '79.0', '79.5', '95.0']);

  for (const id of ['eval-cm-all', 'eval-cm-all-paper', 'eval-cm-ct', 'eval-cm-ct-paper', 'eval-sweep']) {
    const stats = await pixelStats(page, page.locator(`#${id} svg`));
    // a confident subset's matrix is mostly its diagonal: less ink than the paper's plots above, still far from none
    assert.ok(stats.inkFraction > 0.01 && stats.colours >= 4, `${id} drawn: ${JSON.stringify(stats)}`);
  }
}

test('explore page: the service cross-validates itself as an /evaluate job and shows its numbers beside the paper\'s',
  { skip, timeout: 600000 }, async () => {
    await page.goto(url('explore.html'));
    await page.waitForSelector('#load-status.status-ok', { timeout: 60000 });
    assert.equal(await page.isVisible('#eval-results'), false);
    await page.fill('#eval-folds', SETTINGS.folds);
    await page.fill('#eval-draws', SETTINGS.draws);
    await page.fill('#eval-trees', SETTINGS.trees);
    await page.fill('#eval-seed', SETTINGS.seed);
    await page.fill('#eval-ct', SETTINGS.ct);
    const started = Date.now();
    await page.click('#eval-run');
    await page.waitForFunction(() => /phase (QUEUED|EXECUTING|COMPLETED)/.test(
      document.getElementById('eval-status').textContent) || !document.getElementById('eval-results').hidden);
    await page.waitForSelector('#eval-results:not([hidden])', { timeout: 540000 });
    const seconds = (Date.now() - started) / 1000;
    assert.match(await page.textContent('#eval-status'), /^Cross-validation \S+ done: 2941 sources, [\d.]+ s\.$/);
    const jobUrl = await page.getAttribute('#eval-job-link', 'href');
    assert.ok(jobUrl.startsWith(url('evaluate/')), jobUrl);
    assert.equal(new URL(page.url()).searchParams.get('evaluation'), jobUrl.split('/').pop());
    const job = await (await fetch(jobUrl)).text();
    assert.match(job, /<uws:phase>COMPLETED<\/uws:phase>/);
    assert.match(job, /<uws:ownerId[^>]*xsi:nil="true"/, 'an anonymous job');
    await assertShowsJob(jobUrl);
    await saveElementScreenshot(page, page.locator('section[aria-labelledby="own-evaluation"]'), 'explore-evaluation');
    console.log(`# evaluate job ${jobUrl} (FOLDS=${SETTINGS.folds} DRAWS=${SETTINGS.draws} TREES=${SETTINGS.trees}):`
      + ` ${seconds.toFixed(1)} s from the click to the drawn results`);

    // the page's address reopens the same job, with the same numbers
    await page.goto(page.url());
    await page.waitForSelector('#eval-results:not([hidden])', { timeout: 60000 });
    await assertShowsJob(jobUrl);
  });

test('explore page: an evaluation the service refuses for the login it got is a clear message, no exception',
  { skip }, async () => {
    await page.goto(url('explore.html'));
    // the real service, sent a Basic login it has no user file for (its default), answers 401; the request is made
    // from the test and its answer handed to the page unchanged, as a browser does once its user closes the login
    // dialog that the WWW-Authenticate header opens
    await page.route(url('evaluate'), async route => {
      const response = await route.fetch({ headers: { ...route.request().headers(),
        authorization: `Basic ${Buffer.from('nobody:wrong').toString('base64')}` } });
      assert.equal(response.status(), 401);
      await route.fulfill({ response });
    });
    try {
      await page.click('#eval-run');
      await page.waitForSelector('#eval-status.status-error');
      const msg = await page.textContent('#eval-status');
      assert.equal(msg, 'The service refused the login this browser sent, or asks for one (HTTP 401: Authentication'
        + ' failed: this service has no Basic logins (muwclass.auth.users.file is not set). Send no Authorization header'
        + ' to work anonymously.). An evaluation needs no login unless the operator set one up: forget the login this'
        + ' browser keeps for this site and try again, log in with an account of this service, or run "muwclass'
        + ' evaluate" on the command line.');
      assert.equal(await page.isDisabled('#eval-run'), false, 'the form can be sent again');
      assert.equal(await page.isVisible('#eval-results'), false);
    } finally {
      await page.unroute(url('evaluate'));
    }
  });

test('explore page: an evaluation too large for the execution limit shows the job\'s error summary',
  { skip, timeout: 120000 }, async () => {
    await page.goto(url('explore.html'));
    await page.fill('#eval-folds', '50');
    await page.fill('#eval-draws', '1000');
    await page.fill('#eval-trees', '1000');
    await page.click('#eval-run');
    await page.waitForSelector('#eval-status.status-error', { timeout: 90000 });
    assert.match(await page.textContent('#eval-status'), new RegExp('^The cross-validation failed: The job\'s quote is '
      + '\\d+ s, more than its execution duration of \\d+ s \\(EXECUTIONDURATION\\), so it was not started\\.'));
    assert.equal(await page.isVisible('#eval-results'), false);
    assert.equal(await page.isDisabled('#eval-abort'), true);
  });

test('explore page: a running evaluation can be aborted', { skip, timeout: 180000 }, async () => {
  await page.goto(url('explore.html'));
  await page.fill('#eval-folds', '5');
  await page.fill('#eval-draws', '20');
  await page.fill('#eval-trees', '100');
  await page.click('#eval-run');
  await page.waitForFunction(() => /phase (QUEUED|EXECUTING)/.test(document.getElementById('eval-status').textContent),
    null, { timeout: 60000 });
  assert.equal(await page.isDisabled('#eval-abort'), false);
  await page.click('#eval-abort');
  await page.waitForFunction(() => / was aborted\.$/.test(document.getElementById('eval-status').textContent), null,
    { timeout: 120000 });
  const jobUrl = await page.getAttribute('#eval-job-link', 'href');
  assert.match(await (await fetch(jobUrl)).text(), /<uws:phase>ABORTED<\/uws:phase>/);
  assert.equal(await page.isVisible('#eval-results'), false);
});

test('no script errors on the explore page', { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
