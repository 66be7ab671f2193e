// valid: a route Next.js renders once, when the site is built: its fan-out runs in the build, not on a request.
interface DocPage {
  url: string;
  load(): Promise<string>;
}

declare const docs: { pages(): DocPage[] };
declare function renderForModels(page: DocPage): Promise<string>;

export const revalidate = false;

export async function GET(): Promise<Response> {
  const texts = await Promise.all(docs.pages().map(renderForModels));
  return new Response(texts.join('\n\n'));
}
