import { NextResponse } from 'next/server';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function GET() {
  const csv = execFileSync('sqlite3', ['-csv', 'data.db', 'select * from orders'], { encoding: 'utf8' });
//            ^^^^^^^^^^^^ sync-io-in-async
  return new NextResponse(csv, { headers: { 'Content-Type': 'text/csv' } });
}

export const POST = async (request: Request) => {
  const schema = JSON.parse(readFileSync('schema.json', 'utf8'));
//                          ^^^^^^^^^^^^ sync-io-in-async
  return NextResponse.json({ schema, body: await request.json() });
};

// Runs once per build: configuration, not a request.
export const revalidate = Number(readFileSync('revalidate.txt', 'utf8'));
