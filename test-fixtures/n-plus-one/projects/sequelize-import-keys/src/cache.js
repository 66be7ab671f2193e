const { createClient } = require('redis');

const client = createClient({ url: process.env.REDIS_URL });

async function lastSeen(userIds) {
  const seen = [];
  for (const userId of userIds) {
    seen.push(await client.get(`seen:${userId}`));
//                  ^^^^^^^^^^ n-plus-one
  }
  return seen;
}

async function queueDepths(queues) {
  const depths = {};
  for (const queue of queues) {
    depths[queue] = await client.lLen(`queue:${queue}`);
//                        ^^^^^^^^^^^ n-plus-one
  }
  return depths;
}

module.exports = { lastSeen, queueDepths };
