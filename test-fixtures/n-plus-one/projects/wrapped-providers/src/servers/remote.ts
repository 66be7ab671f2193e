// valid
import { Client } from 'ssh2';
import { prisma } from '@/lib/prisma';

// A command run over SSH: the callback API of the client is wrapped in a promise.
export async function runOnServer(serverId: string, command: string): Promise<string> {
  const server = await prisma.server.findUniqueOrThrow({ where: { id: serverId } });
  return new Promise((resolve, reject) => {
    const connection = new Client();
    connection
      .on('ready', () => {
        connection.exec(command, (error, stream) => {
          if (error) return reject(error);
          let output = '';
          stream
            .on('data', (chunk: Buffer) => (output += chunk.toString()))
            .on('close', () => {
              connection.end();
              resolve(output);
            });
        });
      })
      .connect({ host: server.ipAddress, username: server.username, privateKey: server.sshKey });
  });
}

// A promise around a timer only: the query is all the work.
export async function loadServerLater(serverId: string) {
  const server = await prisma.server.findUniqueOrThrow({ where: { id: serverId } });
  return new Promise((resolve) => setTimeout(() => resolve(server), 10));
}
