import { withAuth } from '@/lib/auth';

export async function POST(request: Request) {
  const { tagIds } = (await request.json()) as { tagIds: string[] };
  return withAuth(async ({ team, prisma }) => {
    const tags = await Promise.all(tagIds.map((id) => prisma.tag.findFirst({ where: { id, teamId: team.id } })));
//                     ^^^^^^^^^^^ unbounded-promise-all
    return Response.json(tags);
  });
}
