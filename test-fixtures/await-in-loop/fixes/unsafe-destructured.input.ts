declare function geocode(street: string, city: string): Promise<{ lat: number; lng: number }>;

interface Address {
  street: string;
  city: string;
}

export async function locate(addresses: Address[]): Promise<string[]> {
  const lines: string[] = [];
  batch: for (const { street, city } of addresses) {
    const point = await geocode(street, city);
    lines.push(`${street}, ${city}: ${point.lat},${point.lng}`);
    if (lines.length > 100) continue batch;
  }
  return lines;
}
