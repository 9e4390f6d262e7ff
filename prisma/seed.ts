import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { requireDatabaseUrl } from '@/lib/env';
import { seedDemoCity } from './seed/seed-demo';

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }) });
try {
  await seedDemoCity(db);
  console.log('示范市演示数据已就绪');
} finally {
  await db.$disconnect();
}
