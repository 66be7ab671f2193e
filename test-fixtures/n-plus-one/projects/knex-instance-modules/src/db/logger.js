// valid
'use strict';

function createLogger(prefix) {
  return (scope) => ({
    info: (message) => console.log(`[${prefix}:${scope}] ${message}`),
  });
}

module.exports = createLogger('app');
