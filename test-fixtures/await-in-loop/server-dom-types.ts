// A server that fills a DOM of its own names the page's event types too: its loops are reported.
import { JSDOM } from 'jsdom';

declare function fetchImage(url: string): Promise<string>;

export async function inlineImages(html: string): Promise<string> {
  const dom = new JSDOM(html);
  const loaded: MouseEvent = new dom.window.MouseEvent('click');
  for (const image of [...dom.window.document.querySelectorAll('img')]) {
    image.src = await fetchImage(image.src);
//              ^^^^^ await-in-loop
    image.dispatchEvent(loaded);
  }
  return dom.serialize();
}
