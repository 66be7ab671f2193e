'use strict';
const fs = require('node:fs/promises');
const path = require('node:path');
const https = require('node:https');

function download(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (response) => {
      const chunks = [];
      response.on('data', (data) => chunks.push(data));
      response.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

async function mirror(urls, target) {
  for (const url of urls) {
    const body = await download(url);
    //           ^^^^^ await-in-loop
    await fs.writeFile(path.join(target, path.basename(url)), body);
  }
}

async function sizes(dir) {
  const entries = await fs.readdir(dir);
  const result = {};
  for (const entry of entries) {
    const stat = await fs.stat(path.join(dir, entry));
    //           ^^^^^ await-in-loop
    result[entry] = stat.size;
  }
  return result;
}

async function appendLog(lines) {
  for (const line of lines) {
    await fs.appendFile('build.log', `${line}\n`);
  }
}

async function retryDownload(url) {
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await download(url);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

module.exports = { mirror, sizes, appendLog, retryDownload };
