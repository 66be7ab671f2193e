import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import path from 'node:path';

const CONTENT = path.join(process.cwd(), 'content');

function readPost(slug: string) {
  return JSON.parse(readFileSync(path.join(CONTENT, `${slug}.json`), 'utf8')) as { title: string; body: string };
}

export async function generateStaticParams() {
  return globSync('*.json', { cwd: CONTENT }).map((file) => ({ slug: path.basename(file, '.json') }));
//       ^^^^^^^^ sync-io-in-async
}

export default async function PostPage({ params }: { params: { slug: string } }) {
  const post = readPost(params.slug);
//             ^^^^^^^^ sync-io-in-async
  return (
    <article>
      <h1>{post.title}</h1>
      <div dangerouslySetInnerHTML={{ __html: post.body }} />
    </article>
  );
}

export function PostPreview({ slug }: { slug: string }) {
  const post = readPost(slug);
  return <p>{post.title}</p>;
}
