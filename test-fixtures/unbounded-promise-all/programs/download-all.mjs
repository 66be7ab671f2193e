// Downloads every file at once; the fix keeps at most the configured number in flight.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

function fetchPage(url) {
  const size = (Number(/\d+/.exec(url)[0]) * 13) % 40;
  return simulatedIo(10 + size, `${url} (${size} kB)`);
}

async function main() {
  const urls = Array.from({ length: 20 }, (_, i) => `https://downloads.example.com/file-${i}.zip`);
  const bodies = await Promise.all(urls.map((url) => fetchPage(url)));
  console.log(bodies.join('\n'));
}

await runOnVirtualClock(main);
