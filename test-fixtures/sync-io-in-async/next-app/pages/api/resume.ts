import type { NextApiRequest, NextApiResponse } from 'next';
import fs from 'fs';
import path from 'path';

const FILES = path.join(process.cwd(), 'private');

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const file = path.join(FILES, 'resume.pdf');
  res.setHeader('Content-Type', 'application/pdf');
  res.send(fs.readFileSync(file));
//         ^^^^^^^^^^^^^^^ sync-io-in-async
}
