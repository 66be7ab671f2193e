'use strict';
const fs = require('fs');
const { readFileSync, writeFileSync: save } = require('node:fs');
const { promises: { readFile } } = require('fs');
const { execSync } = require('child_process');
const zlib = require('zlib');

const settings = JSON.parse(readFileSync('./settings.json', 'utf8'));

async function processJob(job) {
  const input = readFileSync(job.input);
//              ^^^^^^^^^^^^ sync-io-in-async
  const packed = zlib.gzipSync(input);
//               ^^^^^^^^^^^^^ sync-io-in-async
  save(job.output, packed);
//^^^^ sync-io-in-async
  const revision = execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  const manifest = require('fs').readFileSync(job.manifest, 'utf8');
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^ sync-io-in-async
  return { revision, manifest, template: await readFile(settings.template, 'utf8') };
}

function start(queue) {
  queue.on('job', (job) => {
    processJob(job).then((result) => {
      fs.appendFileSync(settings.log, JSON.stringify(result) + '\n');
//    ^^^^^^^^^^^^^^^^^ sync-io-in-async
    });
  });
}

module.exports = { processJob, start };
