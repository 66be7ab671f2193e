// A server that fills a DOM of its own names the page's element types too: its loops are reported.
import { JSDOM } from 'jsdom';

declare function fetchImage(url: string): Promise<string>;

export async function inlineImages(html: string): Promise<string> {
  const dom = new JSDOM(html);
  const images: HTMLImageElement[] = [...dom.window.document.querySelectorAll('img')];
  for (const image of images) {
    image.src = await fetchImage(image.src);
//              ^^^^^ await-in-loop
  }
  return dom.serialize();
}
