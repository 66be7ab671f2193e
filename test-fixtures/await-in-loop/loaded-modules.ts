// A function of the file that only loads a module (`await import(path)`), keeping what it loaded in a module-level cache, waits at
// most for a module's first load: the process hands it out from its module map after that, so a loop that awaits it per item has
// nothing to overlap. A loader that also fetches something is reported.
interface Renderer {
  render(source: string): string;
}

const renderers: Record<string, Renderer> = {};

async function rendererFor(format: string): Promise<Renderer> {
  if (!renderers[format]) {
    renderers[format] = (await import(`./renderers/${format}.js`)).default as Renderer;
  }
  return renderers[format]!;
}

async function remoteRendererFor(format: string): Promise<Renderer> {
  const module = await import(`./renderers/${format}.js`);
  await fetch(`https://renderers.example.com/${format}/warm`);
  return module.default as Renderer;
}

export async function renderAll(blocks: Array<{ format: string; source: string }>): Promise<string[]> {
  const html: string[] = [];
  for (const block of blocks) {
    const renderer = await rendererFor(block.format);
    html.push(renderer.render(block.source));
  }
  return html;
}

export async function renderWarm(blocks: Array<{ format: string; source: string }>): Promise<string[]> {
  const html: string[] = [];
  for (const block of blocks) {
    const renderer = await remoteRendererFor(block.format);
//                   ^^^^^ await-in-loop
    html.push(renderer.render(block.source));
  }
  return html;
}
