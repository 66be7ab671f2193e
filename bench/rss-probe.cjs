// Preloaded into a measured node process when GNU time is missing: writes its own peak RSS and CPU time at exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  const report = { maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
  writeFileSync(process.env.PERF_LINT_RSS_PROBE, JSON.stringify(report));
});
