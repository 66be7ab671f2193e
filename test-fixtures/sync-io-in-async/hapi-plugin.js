'use strict';
const fs = require('fs');
const path = require('path');

// A plugin: the server comes from whoever registers it.
exports.plugin = {
  name: 'downloads',
  register(server, options) {
    server.route({
      method: 'GET',
      path: '/downloads/{file}',
      handler(request) {
        return fs.readFileSync(path.join(options.root, request.params.file));
//             ^^^^^^^^^^^^^^^ sync-io-in-async
      },
    });

    server.route([
      {
        method: 'DELETE',
        path: '/downloads/{file}',
        options: {
          handler: (request, h) => {
            fs.unlinkSync(path.join(options.root, request.params.file));
            return h.response().code(204);
          },
        },
      },
    ]);

    // Not routes: a lookup table that happens to have a `route` method.
    options.table.route({ name: 'downloads', handler: () => fs.readdirSync(options.root) });
  },
};
