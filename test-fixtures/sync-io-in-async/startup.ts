// valid: code that runs once while the process starts, before anything is served
import { NestFactory } from '@nestjs/core';
import * as fs from 'node:fs';
import { execSync } from 'node:child_process';
import { AppModule } from './app.module';

async function bootstrap() {
  const httpsOptions = {
    key: fs.readFileSync('./secrets/private-key.pem'),
    cert: fs.readFileSync('./secrets/public-certificate.pem'),
  };
  const app = await NestFactory.create(AppModule, { httpsOptions });
  await app.listen(Number(fs.readFileSync('.port', 'utf8')));
}

const migrate = async () => {
  execSync('npx prisma migrate deploy', { stdio: 'inherit' });
};

(async () => {
  if (!fs.existsSync('.env')) fs.copyFileSync('.env.example', '.env');
  await migrate();
  await bootstrap();
})();
