// Stops a Ceph that ceph-rgw.sh started in `dir`: the gateways first, then the OSD, then the monitor (the script
// lists them in dir/pids), each given time to end; then anything left in the script's process group. CommonJS, so
// that the e2e suites (stopCeph.d.cts gives the types) and the bench (bench/check.mjs) share it.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function endProcess(pid, graceMs) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && alive(pid)) await sleep(50);
}

async function stopCephAt(dir, groupPid) {
  let pids = [];
  try {
    pids = readFileSync(path.join(dir, 'pids'), 'utf8').trim().split(/\s+/).map(Number).reverse();
  } catch {
    pids = [];
  }
  for (const pid of pids) await endProcess(pid, 5000);
  if (groupPid === undefined) return;
  // The group's pid is negative in kill(): the script and anything it left.
  await endProcess(-groupPid, 2000);
  try {
    process.kill(-groupPid, 'SIGKILL');
  } catch {
    // the group is gone
  }
}

module.exports = { stopCephAt };
