const fs = require('fs');
const { fork } = require('node:child_process');
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('thumbnails');

// Forks a child process per job, not the workers of a cluster: it runs for every job, while the service serves.
module.exports = async function (job) {
  return tracer.startActiveSpan('thumbnails:job', async (span) => {
    const result = await render(job);
    span.end();
    return result;
  });
};

async function render(job) {
  await collectSources();
  return fork('./resize.js', [job.folder]);

  async function collectSources() {
    for (const name of fs.readdirSync(job.folder)) {
//                     ^^^^^^^^^^^^^^ sync-io-in-async
      job.sources.push(name);
    }
  }
}
