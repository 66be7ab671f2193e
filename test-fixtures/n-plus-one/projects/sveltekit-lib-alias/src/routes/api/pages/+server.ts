import { json } from '@sveltejs/kit';
import { renderTitle } from '$lib/format';
import { prisma } from '$lib/server/prisma';
import { getPageMonitors, pagePath } from '$lib/server/pages';

export async function GET() {
  const pages = await prisma.page.findMany();
  const result = [];
  for (const page of pages) {
    const monitors = await getPageMonitors(page.id);
//                         ^^^^^^^^^^^^^^^ n-plus-one
    result.push({ ...page, title: renderTitle(page.title), path: pagePath(page), monitors });
  }
  return json(result);
}
