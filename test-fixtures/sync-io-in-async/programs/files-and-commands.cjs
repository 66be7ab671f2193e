'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const { execSync, execFileSync } = require('child_process');

async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-program-'));
  const file = path.join(dir, 'notes.txt');
  fs.writeFileSync(file, 'first line\n');
  fs.appendFileSync(file, 'second line\n');
  fs.mkdirSync(path.join(dir, 'archive', '2024'), { recursive: true });
  fs.copyFileSync(file, path.join(dir, 'archive', 'copy.txt'));
  fs.renameSync(path.join(dir, 'archive', 'copy.txt'), path.join(dir, 'archive', 'moved.txt'));
  const text = fs.readFileSync(file, 'utf8');
  const lines = fs.readFileSync(file).toString().split('\n').length;
  const entries = fs.readdirSync(path.join(dir, 'archive')).sort();
  const size = fs.statSync(file).size;
  const packed = zlib.gzipSync(text);
  const restored = zlib.gunzipSync(packed).toString('utf8');
  const key = crypto.pbkdf2Sync('secret', 'salt', 1000, 16, 'sha256').toString('hex');
  const greeting = execSync('echo hello', { encoding: 'utf8', stdio: 'pipe' }).trim();
  const raw = execFileSync('node', ['-e', 'process.stdout.write("raw")'], { stdio: 'pipe' });
  execSync('node -e "1"', { stdio: 'pipe' });
  fs.unlinkSync(file);
  const left = fs.readdirSync(dir).sort();
  fs.rmSync(dir, { recursive: true });
  console.log(JSON.stringify({ text, lines, entries, size, restored, key, greeting, raw: raw.toString(), isBuffer: Buffer.isBuffer(raw), left }));
}

module.exports = { run };

run().then(() => console.log('done'));
