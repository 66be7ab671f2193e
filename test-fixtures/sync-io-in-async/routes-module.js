const fs = require('fs');
const path = require('path');
const { hashSync } = require('bcrypt');

const UPLOADS = path.join(__dirname, 'uploads');

// The app comes from the caller; the route shape says what these functions are.
module.exports = function registerRoutes(app, db) {
  app.get('/avatars/:name', (req, res) => {
    res.sendFile(fs.realpathSync(path.join(UPLOADS, req.params.name)));
  });

  app.post('/users', async (req, res) => {
    const user = await db.users.insert({ name: req.body.name, hash: hashSync(req.body.password, 10) });
//                                                                  ^^^^^^^^ sync-io-in-async
    res.status(201).json(user);
  });

  app.get('/stats', (request, reply) => {
    reply.send({ uploads: fs.readdirSync(UPLOADS).length });
//                        ^^^^^^^^^^^^^^ sync-io-in-async
  });

  // Not a route: a cache lookup that merely has a path-like key.
  const cache = new Map();
  cache.get('/avatars/default');
  return { ensureUploads: () => fs.mkdirSync(UPLOADS, { recursive: true }) };
};
