// Downloads every file at once; the fix keeps at most the configured number in flight.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

function fetchPage(url) {
  const size = (Number(/\d+/.exec(url)[0]) * 13) % 40;
  return simulatedIo(10 + size, `${url} (${size} kB)`);
}

function fileUrls(count) {
  return Array.from({ length: count }, (_, i) => `https://downloads.example.com/file-${i}.zip`);
}

async function main() {
  const urls = fileUrls(20);
  const bodies = await Promise.all(urls.map((url) => fetchPage(url)));
  console.log(bodies.join('\n'));
}

await runOnVirtualClock(main);
