// One blocking call is reported once, however many callers reach it: at a request handler's call first, else at the shortest chain.
import { existsSync, readdirSync } from 'node:fs';
import express from 'express';

function inRoot(path: string): string {
  if (!existsSync(path)) throw new Error(`not found: ${path}`);
  return path;
}

function upload(name: string): string {
  return inRoot(`uploads/${name}`);
}

function listFolder(folder: string): string[] {
  return readdirSync(inRoot(folder));
}

function listUploads(): string[] {
  return listFolder('uploads');
}

export async function removeUpload(name: string): Promise<string> {
  return upload(name);
}

export async function archiveUploads(): Promise<string[]> {
  return listUploads();
}

export async function listAll(folders: string[]): Promise<string[]> {
  return folders.flatMap((folder) => listFolder(folder));
  //                                 ^^^^^^^^^^ sync-io-in-async
}

export async function countUploads(): Promise<number> {
  return listUploads().length;
}

const router = express.Router();

router.get('/uploads/:name', (req, res) => {
  res.sendFile(upload(req.params.name));
});

export default router;
