// One upsert per entry of a list parsed from the deployment's settings: as many as the operator wrote, a few. The same
// loop over a list parsed from the request is one query per item.
import { PrismaClient } from '@prisma/client';
import { DEFAULT_INTEGRATIONS } from './config';

const prisma = new PrismaClient();

interface IntegrationConfig {
  kind: string;
  endpoint: string;
}

declare function parseJsonSafely(text: string | undefined): IntegrationConfig[] | undefined;

export async function provisionIntegrations(workspaceId: string): Promise<void> {
  const configured = parseJsonSafely(DEFAULT_INTEGRATIONS) ?? [];
  for (const integration of configured) {
    await prisma.integration.create({ data: { workspaceId, kind: integration.kind, endpoint: integration.endpoint } });
  }
}

export async function provisionRegions(workspaceId: string): Promise<void> {
  const regions: string[] = JSON.parse(process.env.DEFAULT_REGIONS || '[]');
  for (const region of regions) {
    await prisma.region.create({ data: { workspaceId, name: region } });
  }
}

export async function importIntegrations(workspaceId: string, payload: string): Promise<void> {
  const integrations: IntegrationConfig[] = JSON.parse(payload);
  for (const integration of integrations) {
    await prisma.integration.create({ data: { workspaceId, kind: integration.kind, endpoint: integration.endpoint } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
