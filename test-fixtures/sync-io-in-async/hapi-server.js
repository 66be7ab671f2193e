'use strict';
const Hapi = require('@hapi/hapi');
const bcrypt = require('bcryptjs');
const { gunzipSync } = require('zlib');

const init = async () => {
  const server = Hapi.server({ port: 3000 });

  server.route([
    {
      method: 'POST',
      path: '/signup',
      handler: (request, h) => {
        const hash = bcrypt.hashSync(request.payload.password, 12);
//                   ^^^^^^^^^^^^^^^ sync-io-in-async
        return h.response({ hash }).code(201);
      },
    },
    {
      method: 'POST',
      path: '/upload',
      options: {
        handler(request) {
          return gunzipSync(request.payload).toString('utf8').length;
//               ^^^^^^^^^^ sync-io-in-async
        },
      },
    },
  ]);

  await server.start();
};

init();
