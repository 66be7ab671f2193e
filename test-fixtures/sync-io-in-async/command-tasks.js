const fs = require('fs');
const path = require('path');

// A command's handler is given the parsed command line: it runs once, in a process of its own.
module.exports = function exportTask(storage) {
  return {
    usage: 'Copy every stored file to --to=folder',
    task: async function (argv) {
      if (fs.readdirSync(argv.to).length > 0 && !argv.resume) throw new Error('--to is not empty');
      const names = await storage.list();
      const missing = names.filter((name) => !fs.existsSync(path.join(argv.to, name)));
      await storage.each(missing, async (name) => {
        await storage.copyOut(name, path.join(argv.to, name));
        fs.writeFileSync(path.join(argv.to, `${name}.sha256`), await storage.checksum(name));
      });
    },
  };
};

module.exports.command = {
  command: 'prune <folder>',
  describe: 'Remove files older than --days',
  handler: async (argv) => {
    for (const name of fs.readdirSync(argv.folder)) {
      const file = path.join(argv.folder, name);
      if (Date.now() - fs.statSync(file).mtimeMs > argv.days * 86400000) fs.unlinkSync(file);
    }
  },
};

// An async function given anything else may run while requests wait.
module.exports.importFolder = async function importFolder(options) {
  const names = fs.readdirSync(options.from);
//              ^^^^^^^^^^^^^^ sync-io-in-async
  return options.storage.copyIn(names.map((name) => path.join(options.from, name)));
};
