// JSZip reads the entries of an archive already in memory: `entry.async('string')` waits for no server.
import JSZip from 'jszip';

declare const storage: { put(key: string, body: Buffer): Promise<void> };

export async function readManifests(archive: Buffer): Promise<unknown[]> {
  const zip = await JSZip.loadAsync(archive);
  const manifestNames = Object.keys(zip.files).filter((name) => name.endsWith('manifest.json') && !zip.files[name]!.dir);
  return Promise.all(
    manifestNames.map(async (name) => {
      const text = await zip.files[name]!.async('string');
      return JSON.parse(text) as unknown;
    }),
  );
}

export async function extractTo(archive: Buffer, prefix: string): Promise<void> {
  const zip = await JSZip.loadAsync(archive);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  await Promise.all(entries.map(async (entry) => storage.put(`${prefix}/${entry.name}`, await entry.async('nodebuffer'))));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
