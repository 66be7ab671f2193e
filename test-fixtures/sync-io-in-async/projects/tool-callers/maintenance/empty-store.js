// valid
const readline = require('node:readline');
const fs = require('node:fs');
const Store = require('../src/store');

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });

async function main() {
  await Store.open();
  rl.question('Empty the store? [y/N] ', async (answer) => {
    if (answer.toLowerCase() === 'y') fs.writeFileSync(Store.file, '[]');
    rl.close();
  });
}

if (!process.env.DRY_RUN) main();

module.exports = { main };
