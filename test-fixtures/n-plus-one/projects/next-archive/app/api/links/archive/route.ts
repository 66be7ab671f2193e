import { NextResponse } from 'next/server';
import { archiveLink, pinLink } from '@/lib/links';

export async function POST(request: Request) {
  const { linkIds } = (await request.json()) as { linkIds: number[] };
  for (const linkId of linkIds) {
    await archiveLink(linkId);
//  ^^^^^ await-in-loop
  }
  return NextResponse.json({ archived: linkIds.length });
}

export async function PATCH(request: Request) {
  const { linkIds } = (await request.json()) as { linkIds: number[] };
  for (const linkId of linkIds) await pinLink(linkId);
//                                    ^^^^^^^ n-plus-one
  return NextResponse.json({ pinned: linkIds.length });
}
