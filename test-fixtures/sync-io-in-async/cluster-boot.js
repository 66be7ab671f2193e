const fs = require('fs');
const cluster = require('node:cluster');
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('site');

// The program's start: the primary forks the workers, each worker assembles the site once.
module.exports = async function (options) {
  if (options.workers && cluster.isPrimary) {
    return tracer.startActiveSpan('site:primary', async (span) => {
      for (let i = 0; i < options.workers; i++) forkWorker();
      span.end();
      return null;
    });
  }
  return tracer.startActiveSpan('site:assemble', async (span) => {
    const site = await assemble(options);
    span.end();
    return site;
  });
};

async function assemble(options) {
  const site = { options, modules: {}, templates: [] };
  await auditModules();
  setInterval(refreshTemplates, 60_000);
  return site;

  // Called only while the site is assembled: once per worker.
  async function auditModules() {
    for (const name of fs.readdirSync(options.modulesDir)) {
      if (!fs.statSync(`${options.modulesDir}/${name}`).isDirectory()) console.warn(`${name} is not a module folder`);
    }
  }

  // Handed to a timer: it runs while the site serves.
  async function refreshTemplates() {
    site.templates = fs.readdirSync(options.templatesDir);
//                   ^^^^^^^^^^^^^^ sync-io-in-async
  }
}

function forkWorker() {
  const worker = cluster.fork();
  worker.startedAt = Date.now();
}
