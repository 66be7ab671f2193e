import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './connection';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

if (!process.argv.slice(2).some((arg) => TRANSPORTS.some((transport) => arg.startsWith(transport)))) {
  process.stderr.write('Usage: perf-lint-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

// The transport comes from the command line; everything else lives in startServer.
const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`Perf Lint: unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Perf Lint: unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`));
startServer(connection);
