// A field that overrides a short default list the code names as a constant chooses among a few values of the same kind.
// Next to it, a field whose fallback is empty: its own items are as many as the data holds.
type WindowKind = 'yesterday' | 'rolling_7d' | 'rolling_30d';

interface InsightModule {
  key: string;
  windows?: WindowKind[];
  enumerateDimensions(window: WindowKind): Promise<string[]>;
}

interface Digest {
  recipients?: string[];
}

const DEFAULT_WINDOWS: WindowKind[] = ['yesterday', 'rolling_7d', 'rolling_30d'];

export async function enumerateAll(mod: InsightModule): Promise<Map<WindowKind, string[]>> {
  const dimensions = new Map<WindowKind, string[]>();
  const windows = mod.windows ?? DEFAULT_WINDOWS;
  for (const windowKind of windows) {
    dimensions.set(windowKind, await mod.enumerateDimensions(windowKind));
  }
  return dimensions;
}

export async function sendDigest(digest: Digest, send: (to: string) => Promise<void>): Promise<void> {
  for (const recipient of digest.recipients ?? []) {
    await send(recipient);
//  ^^^^^ await-in-loop
  }
}
