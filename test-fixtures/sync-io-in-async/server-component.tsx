import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import path from 'node:path';

const CONTENT = path.join(process.cwd(), 'content');

function readPost(slug: string) {
  return JSON.parse(readFileSync(path.join(CONTENT, `${slug}.json`), 'utf8')) as { title: string; body: string };
}

// Runs once when the site is built, not per request.
export async function generateStaticParams() {
  return globSync('*.json', { cwd: CONTENT }).map((file) => ({ slug: path.basename(file, '.json') }));
}

export async function generateMetadata({ params }: { params: { slug: string } }) {
  return { title: readPost(params.slug).title, alternates: globSync(`${params.slug}.*.json`, { cwd: CONTENT }) };
//                ^^^^^^^^ sync-io-in-async
//                                                         ^^^^^^^^ sync-io-in-async
}

// The same readFileSync, reached again: reported once, above.
export default async function PostPage({ params }: { params: { slug: string } }) {
  const post = readPost(params.slug);
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
