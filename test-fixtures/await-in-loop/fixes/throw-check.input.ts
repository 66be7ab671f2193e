interface Item {
  id: string;
  dataId: string;
}

declare function getFile(dataId: string): Promise<Uint8Array>;

export async function sizes(items: Item[], known: Set<string>): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!known.has(item.id)) {
      throw new Error(`unknown item ${item.id}`);
    }
    const bytes = await getFile(item.dataId);
    result.push(bytes.length);
    console.log(`${item.id}: ${bytes.length}`);
  }
  return result;
}
