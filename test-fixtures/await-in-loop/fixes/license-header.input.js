/*
 * Licensed under the Apache License, Version 2.0.
 * Written by the Café team.
 */
/** The sizes of the files. */
async function sizes(storage, files) {
  const total = [];
  for (const file of files) {
    const stat = await storage.getStat(file);
    total.push(stat.size);
  }
  return total;
}

module.exports = { sizes };
