const Redis = require('ioredis');

const client = new Redis(process.env.REDIS_URL);

const threads = module.exports;

threads.isVisible = async function (tid, uid) {
  const thread = await client.hgetall(`thread:${tid}`);
  return thread.owner === String(uid) || thread.public === '1';
};

threads.titleOf = function (thread) {
  return thread.title.trim();
};

threads.filterVisible = async function (tids, uid) {
  const visible = await Promise.all(tids.map((tid) => threads.isVisible(tid, uid)));
//                                                    ^^^^^^^^^^^^^^^^^ n-plus-one
  return tids.filter((tid, index) => visible[index]);
};

threads.titles = function (list) {
  return list.map((thread) => threads.titleOf(thread));
};
