import { withAuth, withPublicNotes } from '@/lib/auth';

export async function POST(request: Request) {
  const { tagIds } = (await request.json()) as { tagIds: string[] };
  return withAuth(async ({ team, prisma }) => {
    const tags = await Promise.all(tagIds.map((id) => prisma.tag.findFirst({ where: { id, teamId: team.id } })));
//                                                    ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    return Response.json(tags);
  });
}

export async function GET() {
  const ids = ['welcome', 'changelog'];
  return withPublicNotes(async ({ notes }) => {
    const found = await Promise.all(ids.map((id) => notes.findFirst({ where: { id } })));
    return Response.json(found);
  });
}
