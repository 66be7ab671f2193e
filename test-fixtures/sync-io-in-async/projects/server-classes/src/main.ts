// valid
import { ApiServer } from './api-server';

const server = new ApiServer(Number(process.env.PORT) || 3001);
server.start().catch((error) => {
  console.error(error);
  process.exit(1);
});
