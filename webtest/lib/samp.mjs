// A real SAMP hub (JSAMP, Debian package jsamp) with the Web Profile on, and a JSAMP snooper client that prints
// every message it receives, so a test can check what the page sent.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const JSAMP = process.env.JSAMP || 'jsamp';

async function until(what, check, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function webHubAnswers() {
  try {
    const res = await fetch('http://localhost:21012/', { method: 'POST', headers: { 'Content-Type': 'text/xml' },
      body: '<?xml version="1.0"?><methodCall><methodName>samp.webhub.ping</methodName><params/></methodCall>' });
    return res.ok;
  } catch {
    return false;
  }
}

export async function webHubRunning() {
  return webHubAnswers();
}

/** Starts a hub (standard + web profiles, registrations accepted without a dialog) and a snooper. */
export async function startHubWithSnooper() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'muwclass-samp-'));
  // Java takes user.home from the password database, not from $HOME: set it so the hub's lockfile (~/.samp) and the
  // snooper's lookup stay in this scratch directory, away from any hub of the user's.
  const env = { ...process.env, HOME: home, JAVA_TOOL_OPTIONS: `-Duser.home=${home}` };
  const hubLog = path.join(home, 'hub.log');
  const snoopLog = path.join(home, 'snooper.log');
  const hub = spawn(JSAMP, ['hub', '-mode', 'no-gui', '-profiles', 'std,web', '-web:auth', 'true'],
    { env, stdio: ['ignore', fs.openSync(hubLog, 'a'), fs.openSync(hubLog, 'a')] });
  let snooper = null;
  const stop = async () => {
    for (const p of [snooper, hub]) {
      if (p && p.exitCode === null && p.signalCode === null) {
        p.kill('SIGTERM');
        await new Promise(r => { p.once('exit', r); setTimeout(r, 5000); });
      }
    }
  };
  try {
    // JVM start-up on a busy 2-core machine can take a minute or more
    await until('the SAMP hub', async () => fs.existsSync(path.join(home, '.samp')) && webHubAnswers(), 240000);
    snooper = spawn(JSAMP, ['snooper'], { env, stdio: ['ignore', fs.openSync(snoopLog, 'a'), fs.openSync(snoopLog, 'a')] });
    await until('the SAMP snooper to register', () => fs.readFileSync(snoopLog, 'utf8').includes('samp.hub.event'), 240000);
  } catch (e) {
    const log = fs.existsSync(hubLog) ? fs.readFileSync(hubLog, 'utf8').slice(-2000) : '';
    await stop();
    fs.rmSync(home, { recursive: true, force: true });
    throw new Error(`${e.message}; hub log: ${log}`);
  }
  return {
    snooperLog: () => fs.readFileSync(snoopLog, 'utf8'),
    hubLog: () => fs.readFileSync(hubLog, 'utf8'),
    async waitForMessage(mtype, text, timeoutMs = 20000) {
      await until(`${mtype} at the snooper`, () => {
        const log = fs.readFileSync(snoopLog, 'utf8');
        return log.includes(`"samp.mtype": "${mtype}"`) && log.includes(text);
      }, timeoutMs);
    },
    async stop() {
      await stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
