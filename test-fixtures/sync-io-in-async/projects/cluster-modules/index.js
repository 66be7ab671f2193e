// valid
const cluster = require('node:cluster');
const { cpus } = require('node:os');
const loadModules = require('./lib/module-loader');
const scanUploads = require('./lib/upload-scan');

// The program's start: the primary forks one worker per core; each worker defines its modules once.
module.exports = async function (options) {
  if (cluster.isPrimary) {
    for (let i = 0; i < cpus().length; i++) cluster.fork();
    cluster.on('exit', () => cluster.fork());
    return null;
  }
  return createSite(options);
};

async function createSite(options) {
  const site = { options };
  await defineModules();
  site.cleanup = setInterval(() => scanUploads(options.uploadsDir), 3_600_000);
  return site;

  async function defineModules() {
    site.modules = await loadModules({ root: options.root, modulesDir: `${options.root}/modules` });
  }
}
