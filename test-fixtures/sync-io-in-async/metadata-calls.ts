import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

const uploads = process.env.UPLOAD_DIR ?? '/var/uploads';
const app = express();

// One question about one path: the kernel answers from its caches in microseconds.
app.post('/backup', async (req, res) => {
  const target = path.join(uploads, 'backup.tmp');
  try {
    fs.mkdirSync(uploads, { recursive: true });
    await writeBackup(target);
    res.json({ size: fs.statSync(target).size });
  } finally {
    if (fs.existsSync(target)) fs.unlinkSync(target);
  }
});

// The same questions asked once per file of a listing wait once per file.
app.get('/files', async (req, res) => {
  const names = await fs.promises.readdir(uploads);
  const sizes = names.map((name) => fs.statSync(path.join(uploads, name)).size);
//                                  ^^^^^^^^^^^ sync-io-in-async
  res.json(sizes);
});

app.delete('/files', async (req, res) => {
  for (const name of req.body.names as string[]) {
    removeIfPresent(path.join(uploads, name));
//  ^^^^^^^^^^^^^^^ sync-io-in-async
  }
  res.sendStatus(204);
});

function removeIfPresent(file: string): void {
  if (fs.existsSync(file)) fs.rmSync(file);
}

async function uniqueName(name: string): Promise<string> {
  let candidate = name;
  for (let index = 1; fs.existsSync(path.join(uploads, candidate)); index++) candidate = `${index}-${name}`;
//                    ^^^^^^^^^^^^^ sync-io-in-async
  return candidate;
}

declare function writeBackup(target: string): Promise<void>;

export { app, uniqueName };
