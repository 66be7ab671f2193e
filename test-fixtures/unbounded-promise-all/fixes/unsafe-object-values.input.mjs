export async function warmAll(caches) {
  await Promise.all(Object.values(caches).map(async (cache) => {
    await cache.load();
    console.log(`warmed ${cache.name}`);
  }));
}
