const fs = require('fs');
const path = require('path');
const express = require('express');

const THERMAL_ROOT = '/sys/class/thermal';
const router = express.Router();

// devfs, sysfs and procfs answer from the kernel's memory: no disk waits behind these reads.
function cpuTemperature() {
  const zones = fs.readdirSync(THERMAL_ROOT).filter((name) => name.startsWith('thermal_zone'));
  const readings = zones.map((zone) => Number(fs.readFileSync(path.join(THERMAL_ROOT, zone, 'temp'), 'utf8')) / 1000);
  return Math.max(...readings);
}

async function listSerialPorts(devRoot = '/dev') {
  return fs.readdirSync(devRoot).filter((name) => /^tty(?:USB|ACM)\d+$/.test(name));
}

router.get('/system', async (req, res) => {
  const uptime = fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0];
  const status = fs.readFileSync(`/proc/${process.pid}/status`, 'utf8');
  res.json({ temperature: cpuTemperature(), uptime, status, ports: await listSerialPorts() });
});

// A path that only looks like one of them is on a disk.
router.get('/logs', async (req, res) => {
  const dir = path.join('/sysadmin/logs', String(req.query.folder));
  res.json(fs.readdirSync(dir));
//         ^^^^^^^^^^^^^^ sync-io-in-async
});

async function readProfile(home = '/home/app') {
  return fs.readFileSync(path.join(home, 'devices.json'), 'utf8');
//       ^^^^^^^^^^^^^^^ sync-io-in-async
}

router.get('/device-log', async (req, res) => {
  res.send(fs.readFileSync(`/devices/${req.query.id}.log`, 'utf8'));
//         ^^^^^^^^^^^^^^^ sync-io-in-async
});

module.exports = { router, readProfile };
